import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import { addRoleMemberships } from "../user-stores/membership-writes.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import { getRole } from "../roles/get-role.ts";
import { assertRoleRule } from "../authz/role-rules.ts";
import { chunks, partitionUsers, type BulkProgress, type BulkSummary } from "./bulk.ts";

/** Gives one role to every selected user, in one transaction, reporting progress per chunk. */
export async function bulkAssignRole(
  client: Db,
  actor: Actor,
  roleId: number,
  ids: readonly number[],
  onProgress: (p: BulkProgress) => void = () => {},
): Promise<BulkSummary & { role: string }> {
  const unique = [...new Set(ids)];
  return client.$transaction(
    async (tx) => {
      const role = await getRole(tx, actor.tenantId, roleId);
      assertRoleRule(actor, role, "assignUsers");
      const users = await tenantUserStore(tx, actor.tenantId);
      const summary: BulkSummary = { succeeded: 0, skipped: [] };
      let done = 0;
      for (const chunk of chunks(unique)) {
        const { allowed, skipped } = await partitionUsers(tx, users, actor, chunk, "roles");
        summary.skipped.push(...skipped);
        // Skips members already there, including any another path added while this one ran.
        const inserted = new Set(
          (
            await addRoleMemberships(
              tx,
              users,
              allowed.map((u) => ({ roleId, userId: u.id, role })),
            )
          ).map((m) => m.userId),
        );
        for (const u of allowed) if (!inserted.has(u.id)) summary.skipped.push({ user: u.name, reason: `already has ${role.qualified}` });
        summary.succeeded += inserted.size;
        done += chunk.length;
        onProgress({ done, total: unique.length });
      }
      await recordAudit(tx, {
        tenantId: actor.tenantId,
        actor: { id: actor.userId, name: actor.displayName },
        action: "role.members_changed",
        target: { type: "role", id: role.id, name: role.qualified },
        after: { addedCount: summary.succeeded, skipped: summary.skipped.slice(0, 100) },
        ip: actor.ip,
      });
      return { ...summary, role: role.qualified };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
