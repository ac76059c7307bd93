import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { closeDirectory } from "../user-stores/external/directory-for.ts";
import { getStoreRow } from "./get-store.ts";
import { parseStoredSettings, redactSettings, sealSettings } from "./sealed-settings.ts";
import type { TEditStore } from "./store-input.ts";

export { ZEditStore } from "./store-input.ts";

/**
 * Saves a store's description, read-only flag and settings. The domain and type stay: the
 * mirror's role names carry the domain. A blank secret keeps the stored one.
 */
export async function editStore(client: Db, actor: Actor, input: TEditStore): Promise<{ domain: string }> {
  const tenantId = actor.tenantId;
  const result = await client.$transaction(async (tx) => {
    const row = await getStoreRow(tx, tenantId, input.id);
    if (row.type !== input.type) throw new AppError("INVALID_INPUT", `The ${row.domain} store is ${row.type}; its type cannot change.`);
    const settings = sealSettings(input.type, input.settings, parseStoredSettings(row.settings));
    const { count } = await tx.userStore.updateMany({
      where: { id: row.id, tenantId, version: input.version },
      data: { description: input.description, readOnly: input.readOnly, settings, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", `Someone else changed the ${row.domain} store first. Reload and try again.`);
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "store.edited",
      target: { type: "userStore", id: row.id, name: row.domain },
      before: { readOnly: row.readOnly, description: row.description, settings: redactSettings(row.type, row.settings) },
      after: { readOnly: input.readOnly, description: input.description, settings: redactSettings(row.type, settings) },
      ip: actor.ip,
    });
    return { id: row.id, domain: row.domain };
  });
  // The cached directory holds the old connection settings.
  await closeDirectory(result.id);
  return { domain: result.domain };
}
