import type { Tx } from "../../db/client.ts";
import { readRows, text } from "../../db/raw-read.ts";
import { raw, sql } from "../../db/sql.ts";
import { jsonTable } from "./json-table.ts";

/**
 * Moves mirror rows still named by an entry's former id (an LDAP DN, from before the store used
 * entryUUID) to its stable id, before the page is mirrored by id: the user keeps their Gatehouse
 * id, Internal roles and sessions instead of being removed and created again. After the first
 * sync with stable ids no row holds a former id, and this is one indexed read per page.
 */
export async function adoptFormerIds(
  tx: Tx,
  kind: "user" | "role",
  storeId: number,
  entries: readonly { externalId: string; formerId?: string }[],
): Promise<void> {
  const moves = entries.filter((e): e is { externalId: string; formerId: string } => e.formerId !== undefined);
  if (moves.length === 0) return;
  const table = raw(kind === "user" ? `"User"` : `"Role"`);
  const columns = { externalId: "text", formerId: "text" } as const;
  const held = await readRows(
    tx,
    sql`SELECT "externalId" FROM ${table} WHERE "storeId" = ${storeId}
      AND ("externalId" IN (SELECT "formerId" FROM ${jsonTable(tx, moves, columns)}) OR "externalId" IN (SELECT "externalId" FROM ${jsonTable(tx, moves, columns)}))`,
    (r) => text(r.externalId),
  );
  if (held.length === 0) return;
  const ids = new Set(held);
  // A row already under the new id keeps it; the former one is then an entry the sync removes.
  const adopt = moves.filter((m) => ids.has(m.formerId) && !ids.has(m.externalId));
  if (adopt.length === 0) return;
  await tx.$executeRaw(sql`UPDATE ${table} SET "externalId" = (SELECT j."externalId" FROM ${jsonTable(tx, adopt, columns)} WHERE j."formerId" = ${table}."externalId")
    WHERE "storeId" = ${storeId} AND "externalId" IN (SELECT "formerId" FROM ${jsonTable(tx, adopt, columns)})`);
}
