import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../lib/db/client.ts";

/** The app's URL templates, read from the file system, so a new route or page is fuzzed without editing the spec. */
function templates(file: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === file) out.push(full);
    }
  };
  walk("app");
  return out.sort();
}

function urlTemplate(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

export type RouteSurface = { template: string; methods: string[] };

export function routes(): RouteSurface[] {
  return templates("route.ts").map((file) => {
    const source = fs.readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    return { template: urlTemplate(file), methods: [...methods] };
  });
}

export function pages(): string[] {
  return templates("page.tsx").map(urlTemplate);
}

/** Fills every dynamic segment ([id], [...nextauth]) with `value`, already encoded for a path. */
export function fill(template: string, value: string): string {
  return template.replace(/\[(?:\.\.\.)?[^\]]+\]/g, value);
}

export type ActionSurface = { id: string; name: string; page: string };

/** Server actions from the build's manifest, each with a page that serves it. */
export function actions(): ActionSurface[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    return { id, name: entry.exportedName ?? id, page: urlTemplate(`${worker.replace(/\/page$/, "")}/page.tsx`) };
  });
}

const COUNTED = [
  "User",
  "Role",
  "Membership",
  "RoleGrant",
  "UserClaim",
  "UserStore",
  "ApiScope",
  "ScopeRole",
  "RoleAlias",
  "Tenant",
  "Setting",
];
const VERSIONED = ["User", "Role", "UserStore", "ApiScope", "Tenant"];

/**
 * What a refused request must leave untouched: the row count of every table an admin edits,
 * and the sum of versions where rows carry one (every update bumps it). Sessions, the audit
 * trail and sign-in counters are left out: recording a refused sign-in is an intended write.
 */
export async function fingerprint(db: Db): Promise<string> {
  // One round trip: the fuzz takes this twice around every write it sends.
  const counts = COUNTED.map((table) => `SELECT '${table}' AS k, CAST(COUNT(*) AS TEXT) AS v FROM "${table}"`);
  const versions = VERSIONED.map(
    (table) => `SELECT '${table}.version' AS k, CAST(COALESCE(SUM("version"), 0) AS TEXT) AS v FROM "${table}"`,
  );
  const settings = `SELECT 'setting:' || "key" AS k, "value" AS v FROM "Setting"`;
  const rows = await db.$queryRawUnsafe<{ k: string; v: string }[]>([...counts, ...versions, settings].join(" UNION ALL "));
  return rows
    .map((r) => `${r.k}=${r.v}`)
    .sort()
    .join(" ");
}
