/**
 * "May this user do that?" for other applications: a permission node (tree semantics, as in
 * the console: a grant on a node covers its descendants) or an API scope (roles on the scope,
 * Internal/everyone, and one level of role aliases, as userHoldsScope answers).
 *
 *   await checkAccess(db, tenantId, { user: "alice", permission: "/permission/admin/login" })
 *   // { allowed: true, reason: { code: "granted", roles: ["Internal/creator"], aliases: [], message: "…" } }
 *
 * Users are not refused for being locked out: lockout stops password sign-in, not what an
 * already-issued session or token of another app may do. Callers that care check sign-in.
 */
import type { Db } from "../db/client.ts";
import { isPermissionPath } from "../permissions/catalog.ts";
import { implies } from "../permissions/paths.ts";
import { roleName, type MappingState } from "../scopes/mapping-state.ts";
import { cachedMapping, cachedSubjects } from "./cache.ts";
import { userKey, type Subject } from "./subjects.ts";

export type AccessCheck = { user: string; permission: string } | { user: string; scope: string };
export type DenialCode = "unknown-user" | "unknown-permission" | "unknown-scope" | "not-granted";
export type AccessReason = { code: "granted" | DenialCode; message: string; roles: string[]; aliases: { role: string; aliasOf: string }[] };
export type AccessDecision = { allowed: boolean; reason: AccessReason };

export async function checkAccess(db: Db, tenantId: number, check: AccessCheck): Promise<AccessDecision> {
  return (await checkAccessBatch(db, tenantId, [check]))[0]!;
}

/** Answers in the order asked. Queries are per distinct uncached user set, never per check. */
export async function checkAccessBatch(db: Db, tenantId: number, checks: readonly AccessCheck[]): Promise<AccessDecision[]> {
  const subjects = await cachedSubjects(
    db,
    tenantId,
    checks.map((c) => c.user),
  );
  const mapping = checks.some((c) => "scope" in c) ? await cachedMapping(db, tenantId) : undefined;
  return checks.map((check) => {
    const subject = subjects.get(userKey(check.user));
    if (!subject) return deny("unknown-user", `No user ${check.user} in this tenant.`);
    return "permission" in check ? decidePermission(subject, check.permission) : decideScope(subject, check.scope, mapping!);
  });
}

function deny(code: DenialCode, message: string): AccessDecision {
  return { allowed: false, reason: { code, message, roles: [], aliases: [] } };
}

function decidePermission(subject: Subject, permission: string): AccessDecision {
  if (!isPermissionPath(permission)) return deny("unknown-permission", `${permission} is not a node of the permission tree.`);
  const roles = subject.roles
    .filter((r) => r.grants.some((g) => implies(g, permission)))
    .map((r) => r.name)
    .sort();
  if (roles.length === 0) return deny("not-granted", `None of the user's roles grants ${permission} or an ancestor of it.`);
  return { allowed: true, reason: { code: "granted", message: `Granted by ${roles.join(", ")}.`, roles, aliases: [] } };
}

function decideScope(subject: Subject, scopeName: string, mapping: MappingState): AccessDecision {
  const scope = mapping.scopes.find((s) => s.name === scopeName);
  if (!scope) return deny("unknown-scope", `No scope ${scopeName} in this tenant.`);
  const held = new Set(subject.roles.map((r) => r.id));
  const direct = subject.roles
    .filter((r) => scope.roleIds.has(r.id))
    .map((r) => r.name)
    .sort();
  // One level deep, as in WSO2: a held alias role gets what its target role gets.
  const aliases = mapping.aliases
    .filter((a) => held.has(a.aliasRoleId) && scope.roleIds.has(a.roleId))
    .map((a) => ({ role: roleName(mapping, a.aliasRoleId), aliasOf: roleName(mapping, a.roleId) }))
    .sort((x, y) => (x.role + x.aliasOf).localeCompare(y.role + y.aliasOf));
  if (direct.length === 0 && aliases.length === 0)
    return deny("not-granted", `None of the user's roles (or their aliases) is mapped to ${scopeName}.`);
  const via = [...direct, ...aliases.map((a) => `${a.role} (alias of ${a.aliasOf})`)];
  return { allowed: true, reason: { code: "granted", message: `Granted by ${via.join(", ")}.`, roles: direct, aliases } };
}
