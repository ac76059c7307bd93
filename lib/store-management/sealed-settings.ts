import { AppError } from "../errors.ts";
import { isSealed, seal } from "../stores/secrets.ts";
import { SECRET_FIELDS, type ExternalStoreType } from "../user-stores/external/settings.ts";

type Settings = Record<string, unknown>;

/** A secret as reads show it: whether one is stored, never what it is. */
export type SecretMarker = { set: boolean };

export function parseStoredSettings(json: string | null): Settings {
  try {
    const value: unknown = JSON.parse(json ?? "{}");
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Settings;
  } catch {
    // an unreadable row reads as empty settings: the admin saves them again
  }
  return {};
}

/**
 * The settings as UserStore.settings keeps them: each secret sealed. A blank secret keeps the
 * one already stored (an edit form never holds it); a required secret that is blank with none
 * stored is an input error on that field.
 */
export function sealSettings(type: ExternalStoreType, settings: Settings, stored: Settings = {}): string {
  const out: Settings = { ...settings };
  for (const field of SECRET_FIELDS[type]) {
    const given = out[field];
    const kept = stored[field];
    if (typeof given === "string" && given !== "") out[field] = seal(given);
    else if (typeof kept === "string" && isSealed(kept)) out[field] = kept;
    else if (type === "ldap") throw new AppError("INVALID_INPUT", "Enter the bind password.", { field: `settings.${field}` });
    else delete out[field];
  }
  return JSON.stringify(out);
}

/** The settings as every read returns them: secrets replaced by `{ set }` markers. */
export function redactSettings(type: string, json: string | null): Settings {
  const settings = parseStoredSettings(json);
  const fields: readonly string[] = type === "ldap" || type === "jdbc" ? SECRET_FIELDS[type] : [];
  for (const field of fields) settings[field] = { set: typeof settings[field] === "string" } satisfies SecretMarker;
  return settings;
}
