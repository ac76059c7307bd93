import { z } from "zod";
import type { TAddStore, TEditStore } from "./store-input.ts";
import { ZAddStore, ZEditStore } from "./store-input.ts";

/**
 * The console's store form is flat (one input per property); these schemas turn it into the
 * commands' inputs and report each settings error on its own field, not on "settings". Free of
 * server code: the actions parse with them, and the form (components/stores/StoreForm.tsx)
 * loads the same ones in the browser to show every field's error at once.
 */
type Raw = Record<string, unknown>;

const TOP = new Set(["id", "version", "type", "domain", "description", "readOnly"]);
const NUMBERS = new Set(["connectTimeoutMs", "readTimeoutMs", "pageSize", "syncIntervalMinutes", "wso2TenantId"]);
const CHECKBOXES = { ldap: ["startTls", "nestedGroups", "activeDirectory"], jdbc: ["storeSaltedPassword"] } as const;
const SECRETS = new Set(["bindPassword", "password"]);

function toNested(raw: Raw): Raw {
  const type = raw.type === "jdbc" ? "jdbc" : "ldap";
  const settings: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    if (TOP.has(key) || typeof value !== "string") continue;
    const text = SECRETS.has(key) ? value : value.trim();
    if (text === "" && !SECRETS.has(key)) continue; // blank: the default applies
    if (key === "urls") settings.urls = text.split(/\s+/).filter(Boolean);
    else if (key === "claimAttributes") settings.claimAttributes = claimLines(text);
    else if (NUMBERS.has(key)) settings[key] = /^-?\d+$/.test(text) ? Number(text) : text;
    else settings[key] = text;
  }
  for (const box of CHECKBOXES[type]) settings[box] = raw[box] === "on" || raw[box] === "true";
  const nested: Raw = { type, settings, readOnly: raw.readOnly === "on" || raw.readOnly === "true" };
  for (const key of ["id", "version", "domain", "description"]) if (raw[key] !== undefined) nested[key] = raw[key];
  return nested;
}

/** "claim URI = attribute" per line. */
function claimLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.lastIndexOf("=");
    if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

export function flatForm<S extends z.ZodType>(schema: S): z.ZodType<z.output<S>> {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const parsed = schema.safeParse(toNested(raw));
    if (parsed.success) return parsed.data as z.output<S>;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "settings" && issue.path.length > 1 ? issue.path[1]! : (issue.path[0] ?? "type");
      ctx.addIssue({ code: "custom", message: issue.message, path: [String(field)] });
    }
    return z.NEVER;
  });
}

export const ZAddStoreForm: z.ZodType<TAddStore> = flatForm(ZAddStore);
export const ZEditStoreForm: z.ZodType<TEditStore> = flatForm(ZEditStore);

/** The forms as the browser checks them (components/ui/form-schemas.ts). */
export const storeForms = { addStore: () => ZAddStoreForm, editStore: () => ZEditStoreForm };
