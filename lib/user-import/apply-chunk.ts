import type { Actor } from "../authz/principal.ts";
import { roleRuleBlocker } from "../authz/role-rules.ts";
import { userActionBlocker } from "../authz/user-rules.ts";
import { nameKey, qualifiedName } from "../core/domains.ts";
import type { Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getRoles, type RoleSummary } from "../roles/get-role.ts";
import { nameSkeleton } from "../stores/look-alike.ts";
import type { StoreRow } from "../stores/list-stores.ts";
import { addRoleMemberships } from "../user-stores/membership-writes.ts";
import type { ImportedUser, UserStore } from "../user-stores/user-store.ts";
import { getUser } from "../users/get-user.ts";
import { auditCreated } from "./import-rows-sql.ts";
import type { FinalPassword } from "./import-password.ts";
import type { RowData } from "./plan-rows.ts";

export type ChunkRow = { line: number; plan: string; data: RowData; password?: FinalPassword };
export type RowOutcome = { line: number; outcome: "created" | "updated" | "skipped" | "failed"; message: string };
export type ChunkJob = { id: number; tenantId: number; onExisting: string; owner: string };

/** Proves the runner still holds the job (the first statement of each chunk), or stops it. */
async function heartbeat(tx: Tx, job: ChunkJob): Promise<void> {
  const { count } = await tx.importJob.updateMany({ where: { id: job.id, owner: job.owner }, data: { heartbeatAt: new Date() } });
  if (count !== 1) throw new AppError("CONFLICT", "Another runner took this import over.");
}

/** The chunk's roles as they are now: a deleted role, or one the actor may no longer give, fails its rows. */
async function currentRoles(tx: Tx, tenantId: number, rows: readonly ChunkRow[]): Promise<Map<number, RoleSummary>> {
  const ids = [...new Set(rows.flatMap((r) => r.data.roleIds))];
  const present = await tx.role.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } });
  return new Map(
    (
      await getRoles(
        tx,
        tenantId,
        present.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
}

function roleProblem(actor: Actor, roles: Map<number, RoleSummary>, ids: readonly number[]): string | null {
  for (const id of ids) {
    const role = roles.get(id);
    if (!role) return "A role of this row was deleted after the preview.";
    const blocker = roleRuleBlocker(actor, role, "assignUsers");
    if (blocker) return blocker;
  }
  return null;
}

/**
 * One chunk, in the caller's transaction: its new users in one set-based insert, its updates one
 * by one, an audit event per user, and every row's outcome, so the chunk commits whole or not at
 * all. Names taken since the preview are checked again here, inside the transaction.
 */
export async function applyChunk(
  tx: Tx,
  job: ChunkJob,
  actor: Actor,
  store: StoreRow,
  users: UserStore,
  rows: readonly ChunkRow[],
): Promise<RowOutcome[]> {
  await heartbeat(tx, job);
  const roles = await currentRoles(tx, job.tenantId, rows);
  const outcomes: RowOutcome[] = [];
  const creates = rows.filter((r) => r.plan === "create");
  const taken = await users.bulkImporter!.conflicts(
    tx,
    job.tenantId,
    store.id,
    creates.map((r) => r.data.name),
  );
  const takenKeys = new Map(taken.map((u) => [u.usernameKey, u.username]));
  const takenSkeletons = new Map(taken.map((u) => [u.usernameSkeleton, u.username]));
  const fresh: (ChunkRow & { password: FinalPassword })[] = [];
  for (const row of creates) {
    const existing = takenKeys.get(nameKey(row.data.name)) ?? takenSkeletons.get(nameSkeleton(row.data.name));
    const problem = existing ? `${existing} was added after the preview.` : roleProblem(actor, roles, row.data.roleIds);
    if (problem) outcomes.push({ line: row.line, outcome: existing && job.onExisting === "skip" ? "skipped" : "failed", message: problem });
    else fresh.push(row as (typeof fresh)[number]);
  }
  const batch: ImportedUser[] = fresh.map((r) => ({
    username: r.data.name,
    passwordHash: r.password.hash,
    password: r.password.plain,
    mustChangePassword: r.password.mustChange,
    claims: r.data.claims,
    roleIds: r.data.roleIds,
  }));
  const ids = await users.bulkImporter!.insert(tx, job.tenantId, store.id, batch);
  await auditCreated(
    tx,
    { tenantId: job.tenantId, actorId: actor.userId, actorName: actor.displayName, ip: actor.ip },
    fresh.map((r, i) => ({
      targetId: String(ids[i]),
      targetName: qualifiedName(store.domain, r.data.name),
      after: JSON.stringify({ roles: r.data.roleIds.map((id) => roles.get(id)!.qualified), importJob: job.id }),
    })),
  );
  outcomes.push(...fresh.map((r) => ({ line: r.line, outcome: "created" as const, message: "" })));
  for (const row of rows.filter((r) => r.plan === "update")) outcomes.push(await applyUpdate(tx, job, actor, users, roles, row));
  return outcomes;
}

/** An existing user: the file's claims set and its roles added, under the same rules as the profile and roles editors. */
async function applyUpdate(
  tx: Tx,
  job: ChunkJob,
  actor: Actor,
  users: UserStore,
  roles: Map<number, RoleSummary>,
  row: ChunkRow,
): Promise<RowOutcome> {
  const id = row.data.userId!;
  const user = await getUser(tx, job.tenantId, id).catch(() => null);
  if (!user) return { line: row.line, outcome: "failed", message: "The user was deleted after the preview." };
  const blocker =
    (Object.keys(row.data.claims).length > 0 ? userActionBlocker(actor, user, "profile") : null) ??
    (row.data.roleIds.length > 0 ? userActionBlocker(actor, user, "roles") : null) ??
    roleProblem(actor, roles, row.data.roleIds);
  if (blocker) return { line: row.line, outcome: "failed", message: blocker };
  await users.lockUser(tx, job.tenantId, id);
  await users.setClaims(tx, id, row.data.claims);
  const held = new Set(user.roles.map((r) => r.id));
  const adding = row.data.roleIds.filter((r) => !held.has(r)).map((roleId) => ({ userId: id, roleId, role: roles.get(roleId)! }));
  await addRoleMemberships(tx, users, adding);
  await tx.auditEvent.create({
    data: {
      tenantId: job.tenantId,
      actorId: actor.userId,
      actorName: actor.displayName,
      action: "user.profile_changed",
      targetType: "user",
      targetId: String(id),
      targetName: user.qualified,
      after: JSON.stringify({ claims: Object.keys(row.data.claims), rolesAdded: adding.map((a) => a.role.qualified), importJob: job.id }),
      ip: actor.ip,
    },
  });
  return { line: row.line, outcome: "updated", message: "" };
}
