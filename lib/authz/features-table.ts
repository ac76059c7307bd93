import { FEATURES } from "./features.ts";
import { describePermission } from "../permissions/catalog.ts";

/** docs/console.md's feature -> permission table, generated from FEATURES so the two cannot drift. */
export function featuresMarkdownTable(): string {
  const rows = Object.entries(FEATURES).map(([key, feature]) => {
    const paths = feature.anyOf.map((p) => `\`${p}\` (${describePermission(p)?.trail.slice(-2).join(" › ")})`).join("<br>or ");
    return `| ${feature.label} | \`${key}\` | ${paths} |`;
  });
  return ["| Feature | Key | Requires any of |", "| --- | --- | --- |", ...rows].join("\n");
}
