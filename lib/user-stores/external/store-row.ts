import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ExternalStoreRow } from "./directory-for.ts";

export type ExternalStore = ExternalStoreRow & { tenantId: number; enabled: boolean };

const COLUMNS = { id: true, tenantId: true, domain: true, type: true, readOnly: true, settings: true, enabled: true } as const;

/** An external store's row with its (sealed) settings: read where a Directory is opened, never listed. */
export async function readExternalStore(client: Pick<Db | Tx, "userStore">, tenantId: number, storeId: number): Promise<ExternalStore> {
  const store = await client.userStore.findFirst({ where: { id: storeId, tenantId }, select: COLUMNS });
  if (!store || store.type === "database") throw new AppError("NOT_FOUND", "There is no such external user store.");
  return store;
}

/** The external stores of users, by user id (database stores' users are absent). */
export async function externalStoresOfUsers(
  client: Pick<Db | Tx, "user">,
  tenantId: number,
  userIds: readonly number[],
): Promise<Map<number, ExternalStore & { externalId: string; username: string }>> {
  const rows = await client.user.findMany({
    where: { tenantId, id: { in: [...userIds] }, store: { type: { not: "database" } } },
    select: { id: true, externalId: true, username: true, store: { select: COLUMNS } },
  });
  return new Map(rows.map((r) => [r.id, { ...r.store, externalId: r.externalId ?? "", username: r.username }]));
}
