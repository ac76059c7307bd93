import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { chunks, partitionUsers, type BulkProgress, type BulkSummary } from "./bulk.ts";
import { deleteOwnedClientRoles } from "../roles/delete-owned-client-roles.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";

/**
 * Deletes the selected users in one transaction, reporting progress per chunk. Users the
 * actor may not delete are skipped with the reason; nothing is deleted if anything fails.
 */
export async function bulkDeleteUsers(
  client: Db,
  actor: Actor,
  ids: readonly number[],
  onProgress: (p: BulkProgress) => void = () => {},
): Promise<BulkSummary> {
  const unique = [...new Set(ids)];
  return client.$transaction(
    async (tx) => {
      const users = await tenantUserStore(tx, actor.tenantId);
      const summary: BulkSummary = { succeeded: 0, skipped: [] };
      const deleted: string[] = [];
      let done = 0;
      for (const chunk of chunks(unique)) {
        const { allowed, skipped } = await partitionUsers(tx, users, actor, chunk, "delete");
        summary.skipped.push(...skipped);
        await deleteOwnedClientRoles(
          tx,
          actor.tenantId,
          allowed.map((u) => u.id),
        );
        summary.succeeded += await users.deleteUsers(
          tx,
          actor.tenantId,
          allowed.map((u) => u.id),
        );
        deleted.push(...allowed.map((u) => u.name));
        done += chunk.length;
        onProgress({ done, total: unique.length });
      }
      await recordAudit(tx, {
        tenantId: actor.tenantId,
        actor: { id: actor.userId, name: actor.displayName },
        action: "user.bulk_deleted",
        target: { type: "users", name: `${summary.succeeded} users` },
        before: { users: deleted.slice(0, 100), more: Math.max(0, deleted.length - 100) },
        after: { skipped: summary.skipped.slice(0, 100) },
        ip: actor.ip,
      });
      return summary;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
