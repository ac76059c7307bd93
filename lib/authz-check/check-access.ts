/**
 * "May this user do that?" for other applications: a permission node (tree semantics, as in
 * the console: a grant on a node covers its descendants) or an API scope (roles on the scope,
 * Internal/everyone, and one level of role aliases, as userHoldsScope answers).
 *
 *   await checkAccess(db, tenantId, { user: "alice", permission: "/permission/admin/login" })
 *   // { allowed: true, reason: { code: "granted", roles: ["Internal/creator"], aliases: [], message: "…" } }
 *
 * Answers come from the tenant's compiled snapshot (./cache.ts, ./compiled.ts): a warm check is
 * two map lookups and a bit test. Users are not refused for being locked out: lockout stops
 * password sign-in, not what an already-issued session or token of another app may do.
 */
import type { Db } from "../db/client.ts";
import { cachedUser, loadMissingUsers, snapshotMapping, tenantSnapshot, type Snapshot } from "./cache.ts";
import {
  decidePermission,
  decideScope,
  deny,
  permits,
  type AccessCheck,
  type AccessDecision,
  type CompiledMapping,
  type CompiledUser,
} from "./compiled.ts";

export type { AccessCheck, AccessDecision, AccessReason, DenialCode } from "./compiled.ts";

/** `version`: the tenant's authorization version when the caller read it this request (see ./cache.ts). */
export type CheckOptions = { version?: number };

export async function checkAccess(db: Db, tenantId: number, check: AccessCheck, options: CheckOptions = {}): Promise<AccessDecision> {
  return (await checkAccessBatch(db, tenantId, [check], options))[0]!;
}

/**
 * Answers in the order asked. Queries are per distinct cold user set, never per check. Each
 * check's user is looked up once (a lookup in a map of up to MAX_USERS names is most of a warm
 * check's cost); only the ones not loaded yet are looked up again, after the bulk load.
 */
export async function checkAccessBatch(
  db: Db,
  tenantId: number,
  checks: readonly AccessCheck[],
  options: CheckOptions = {},
): Promise<AccessDecision[]> {
  const pending = tenantSnapshot(db, tenantId, options.version);
  const snapshot = pending instanceof Promise ? await pending : pending;
  const users: (CompiledUser | null | undefined)[] = [];
  let cold = false;
  let scopes = false;
  for (const check of checks) {
    const user = cachedUser(snapshot, check.user);
    users.push(user);
    cold ||= user === undefined;
    scopes ||= "scope" in check;
  }
  if (cold) {
    await loadMissingUsers(
      db,
      tenantId,
      snapshot,
      checks.map((c) => c.user),
    );
    for (let i = 0; i < checks.length; i++) users[i] ??= cachedUser(snapshot, checks[i]!.user);
  }
  const mapping = scopes ? await snapshotMapping(db, tenantId, snapshot) : undefined;
  const results: AccessDecision[] = [];
  for (let i = 0; i < checks.length; i++) results.push(decideFor(users[i], checks[i]!, mapping));
  return results;
}

/** One check against a loaded snapshot; exported for the benchmark's per-check figure. */
export function decide(snapshot: Snapshot, check: AccessCheck, mapping?: CompiledMapping): AccessDecision {
  return decideFor(cachedUser(snapshot, check.user), check, mapping);
}

function decideFor(user: CompiledUser | null | undefined, check: AccessCheck, mapping: CompiledMapping | undefined): AccessDecision {
  if (!user) return deny("unknown-user", `No user ${check.user} in this tenant.`);
  return "permission" in check ? decidePermission(user, check.permission) : decideScope(user, check.scope, mapping!);
}

/** Yes or no for a permission against a loaded snapshot, without a reason; for the benchmark's comparison with casbin. */
export function allows(snapshot: Snapshot, user: string, permission: string): boolean {
  const subject = cachedUser(snapshot, user);
  return subject ? permits(subject, permission) : false;
}
