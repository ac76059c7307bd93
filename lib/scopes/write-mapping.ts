/**
 * Applies planned MappingChanges inside the caller's transaction: every mapping write's rows go
 * through here. Elsewhere, provisioning creates a catalog's new scopes with their default
 * ScopeRole rows, and deleting a role removes its rows by cascade (ARCHITECTURE.md, Scope
 * mappings). `commitChanges` is the common tail of every mapping write:
 * write, bump the mapping version, and record one audit event, all in the same transaction.
 */
import type { AuditAction } from "../audit/actions.ts";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Tx } from "../db/client.ts";
import { isForeignKeyViolation } from "../db/errors.ts";
import { AppError } from "../errors.ts";
import type { MappingState } from "./mapping-state.ts";
import { bumpMappingVersion } from "../roles/mapping-version.ts";
import { isEmpty, nameChanges, type MappingChanges, type NamedChanges } from "./plan-mapping.ts";

export async function writeMappingChanges(tx: Pick<Tx, "scopeRole" | "roleAlias" | "apiScope">, changes: MappingChanges): Promise<void> {
  // Role deletion takes the mapping lock, so this is a backstop for any other way a role goes.
  await writeRows(tx, changes).catch((error: unknown) => {
    if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", "A role in this change was deleted meanwhile. Reload and try again.");
    throw error;
  });
}

async function writeRows(tx: Pick<Tx, "scopeRole" | "roleAlias" | "apiScope">, changes: MappingChanges): Promise<void> {
  const removals = changes.scopes.filter((c) => c.removed.length > 0).map((c) => ({ scopeId: c.scopeId, roleId: { in: c.removed } }));
  if (removals.length > 0) await tx.scopeRole.deleteMany({ where: { OR: removals } });
  const additions = changes.scopes.flatMap((c) => c.added.map((roleId) => ({ scopeId: c.scopeId, roleId })));
  if (additions.length > 0) await tx.scopeRole.createMany({ data: additions });
  if (changes.scopes.length > 0) {
    await tx.apiScope.updateMany({ where: { id: { in: changes.scopes.map((c) => c.scopeId) } }, data: { version: { increment: 1 } } });
  }
  const { added, removed } = changes.aliases;
  if (removed.length > 0)
    await tx.roleAlias.deleteMany({ where: { OR: removed.map((p) => ({ roleId: p.roleId, aliasRoleId: p.aliasRoleId })) } });
  if (added.length > 0) await tx.roleAlias.createMany({ data: added.map((p) => ({ roleId: p.roleId, aliasRoleId: p.aliasRoleId })) });
}

export type CommitResult = { version: number; changes: NamedChanges };
/** `always`: write and audit even with no mapping change (an import that only creates scopes or roles). */
type AuditSpec = {
  action: AuditAction;
  target: { type: string; id?: number | null; name: string };
  extra?: Record<string, unknown>;
  always?: boolean;
};

/** Writes, bumps the version and audits; a change that changes nothing writes and audits nothing. */
export async function commitChanges(
  tx: Tx,
  actor: Actor,
  state: MappingState,
  current: number,
  changes: MappingChanges,
  audit: AuditSpec,
): Promise<CommitResult> {
  const named = nameChanges(state, changes);
  if (isEmpty(changes) && !audit.always) return { version: current, changes: named };
  await writeMappingChanges(tx, changes);
  const version = await bumpMappingVersion(tx, state.tenantId, current);
  await recordAudit(tx, {
    tenantId: state.tenantId,
    actor: { id: actor.userId, name: actor.displayName },
    action: audit.action,
    target: audit.target,
    after: { ...named, ...audit.extra, version },
    ip: actor.ip,
  });
  return { version, changes: named };
}
