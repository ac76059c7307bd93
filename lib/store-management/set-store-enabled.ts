import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { closeDirectory } from "../user-stores/external/directory-for.ts";
import { getStoreRow } from "./get-store.ts";
import { inOwnStore } from "./own-store.ts";
import { ZStoreVersionRef } from "./store-input.ts";

export const ZSetStoreEnabled = ZStoreVersionRef.extend({ enabled: z.boolean() });
export type TSetStoreEnabled = z.infer<typeof ZSetStoreEnabled>;

/**
 * Enables or disables a store. A disabled store's users cannot sign in and their sessions end
 * on their next request: the database trigger bumps the tenant's authz version.
 */
export async function setStoreEnabled(client: Db, actor: Actor, input: TSetStoreEnabled): Promise<{ domain: string; enabled: boolean }> {
  const tenantId = actor.tenantId;
  const result = await client.$transaction(async (tx) => {
    const row = await getStoreRow(tx, tenantId, input.id);
    if (!input.enabled) {
      if (inOwnStore(actor, row.domain))
        throw new AppError("FORBIDDEN", `Your own account is in ${row.domain}; another admin must disable it.`);
    }
    const { count } = await tx.userStore.updateMany({
      where: { id: row.id, tenantId, version: input.version },
      data: { enabled: input.enabled, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", `Someone else changed the ${row.domain} store first. Reload and try again.`);
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: input.enabled ? "store.enabled" : "store.disabled",
      target: { type: "userStore", id: row.id, name: row.domain },
      before: { enabled: row.enabled },
      after: { enabled: input.enabled },
      ip: actor.ip,
    });
    return { id: row.id, domain: row.domain, enabled: input.enabled };
  });
  if (!result.enabled) await closeDirectory(result.id);
  return { domain: result.domain, enabled: result.enabled };
}
