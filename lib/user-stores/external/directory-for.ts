import { AppError } from "../../errors.ts";
import { unseal } from "../../stores/secrets.ts";
import type { Directory } from "./directory.ts";
import { createJdbcDirectory } from "./jdbc/jdbc-directory.ts";
import { createLdapDirectory } from "./ldap/ldap-directory.ts";
import { SECRET_FIELDS, ZJdbcSettings, ZLdapSettings } from "./settings.ts";

export type ExternalStoreRow = { id: number; domain: string; type: string; readOnly: boolean; settings: string | null };

/**
 * The Directory behind a store row, one per store and settings, kept across requests so its
 * connections are reused; an edit of the settings (a new JSON text) opens a new one.
 */
const open = new Map<number, { settings: string; directory: Directory }>();

export function directoryForStore(store: ExternalStoreRow): Directory {
  const cached = open.get(store.id);
  if (cached && cached.settings === (store.settings ?? "")) return cached.directory;
  const directory = createDirectory(store);
  open.set(store.id, { settings: store.settings ?? "", directory });
  if (cached) void cached.directory.close();
  return directory;
}

/**
 * Serves `store` with a Directory built elsewhere until its settings change: the tests' stand-in
 * for an external system (testing/test-directory.ts) goes through the same paths as a real one.
 */
export function attachDirectory(store: Pick<ExternalStoreRow, "id" | "settings">, directory: Directory): void {
  open.set(store.id, { settings: store.settings ?? "", directory });
}

/** Forgets a deleted or disabled store's directory and closes its connections. */
export async function closeDirectory(storeId: number): Promise<void> {
  const cached = open.get(storeId);
  open.delete(storeId);
  await cached?.directory.close();
}

function createDirectory(store: ExternalStoreRow): Directory {
  const raw = parseSettings(store);
  if (store.type === "ldap") return createLdapDirectory(ZLdapSettings.parse(unsealSecrets(raw, SECRET_FIELDS.ldap)), store.readOnly);
  if (store.type === "jdbc") return createJdbcDirectory(ZJdbcSettings.parse(unsealSecrets(raw, SECRET_FIELDS.jdbc)), store.readOnly);
  throw new AppError("INVALID_INPUT", `The ${store.domain} user store has the unknown type "${store.type}".`);
}

function parseSettings(store: ExternalStoreRow): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(store.settings ?? "");
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AppError("STORE_UNAVAILABLE", `The ${store.domain} user store's settings cannot be read; edit and save them again.`);
}

function unsealSecrets(raw: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out = { ...raw };
  for (const field of fields) if (typeof out[field] === "string") out[field] = unseal(out[field]);
  return out;
}
