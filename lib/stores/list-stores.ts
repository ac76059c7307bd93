import type { Db, Tx } from "../db/client.ts";
import { bool, int, readRows, text, textOrNull } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";

export type StoreRow = {
  id: number;
  domain: string;
  kind: string;
  readOnly: boolean;
  usernamePattern: string | null;
  rolePattern: string | null;
  /** database | ldap | jdbc (#13): ldap and jdbc users and groups are mirrored rows (docs/user-stores.md). */
  type: string;
  /** A disabled store's users cannot sign in, and their sessions end. */
  enabled: boolean;
};

/** The tenant's user stores: PRIMARY first, then secondary stores, then Internal and Application. One raw read (every list page asks). */
export async function listStores(client: Pick<Db | Tx, "$queryRaw">, tenantId: number): Promise<StoreRow[]> {
  const order = { primary: 0, secondary: 1, internal: 2, application: 3 } as Record<string, number>;
  const rows = await readRows(
    client,
    sql`SELECT "id", "domain", "kind", "readOnly", "usernamePattern", "rolePattern", "type", "enabled" FROM "UserStore" WHERE "tenantId" = ${tenantId}`,
    (r): StoreRow => ({
      id: int(r.id),
      domain: text(r.domain),
      kind: text(r.kind),
      readOnly: bool(r.readOnly),
      usernamePattern: textOrNull(r.usernamePattern),
      rolePattern: textOrNull(r.rolePattern),
      type: text(r.type),
      enabled: bool(r.enabled),
    }),
  );
  return rows.sort((a, b) => (order[a.kind] ?? 9) - (order[b.kind] ?? 9) || a.domain.localeCompare(b.domain));
}

/** Stores that hold users: PRIMARY and secondary stores (Internal and Application hold only roles). */
export function holdsUsers(store: Pick<StoreRow, "kind">): boolean {
  return store.kind === "primary" || store.kind === "secondary";
}

export async function findStore(client: Pick<Db | Tx, "$queryRaw">, tenantId: number, domain: string): Promise<StoreRow> {
  const stores = await listStores(client, tenantId);
  const store = stores.find((s) => s.domain.toUpperCase() === domain.toUpperCase());
  if (!store) throw new AppError("NOT_FOUND", `There is no user store "${domain}".`);
  return store;
}

export function assertWritable(store: Pick<StoreRow, "domain" | "readOnly">): void {
  if (store.readOnly) throw new AppError("FORBIDDEN", `The ${store.domain} user store is read-only.`);
}
