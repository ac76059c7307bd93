/**
 * The decision API's compiled form of a tenant at one authorization version (lib/authz/version.ts).
 *
 * The permission tree's nodes are numbered once per process (NODE_INDEX). A role compiles to a
 * bitset (Uint32Array) of the nodes its grants cover, already closed over descendants; a user to
 * the union of its roles' bitsets. A permission check is then a map lookup and one bit test; the
 * roles named in a "granted" answer are found by testing that bit in each of the user's roles.
 * Scope checks use a per-scope role-id set and an alias index, compiled once per snapshot.
 *
 * A snapshot is never patched: a new version makes a new, empty snapshot (lib/authz-check/cache.ts).
 */
import { ALL_PERMISSIONS } from "../permissions/catalog.ts";
import { implies } from "../permissions/paths.ts";
import { isProtectedPermission } from "../permissions/tenant-tree.ts";
import type { MappingState } from "../scopes/mapping-state.ts";

export type AccessCheck = { user: string; permission: string } | { user: string; scope: string };
export type DenialCode = "unknown-user" | "unknown-permission" | "unknown-scope" | "not-granted";
export type AccessReason = { code: "granted" | DenialCode; message: string; roles: string[]; aliases: { role: string; aliasOf: string }[] };
export type AccessDecision = { allowed: boolean; reason: AccessReason };

const NODE_INDEX = new Map<string, number>(ALL_PERMISSIONS.map((p, i) => [p.path as string, i]));
const WORDS = Math.ceil(ALL_PERMISSIONS.length / 32);

// A grant's covered nodes depend on the grant string only: shared by every role and snapshot.
const grantBitsCache = new Map<string, Uint32Array>();
function grantBits(grant: string): Uint32Array {
  let bits = grantBitsCache.get(grant);
  if (!bits) {
    bits = new Uint32Array(WORDS);
    ALL_PERMISSIONS.forEach((p, i) => {
      if (implies(grant, p.path)) bits![i >>> 5]! |= 1 << (i & 31);
    });
    // Grants are tree paths in practice; the bound only guards against a table full of junk.
    if (grantBitsCache.size < 10_000) grantBitsCache.set(grant, bits);
  }
  return bits;
}

// Super Admin Permissions count in the super tenant only (lib/authz/protected-grants.ts): in any
// other tenant a role's bits are masked with this, so "/permission" there covers no protected node.
const TENANT_MASK = new Uint32Array(WORDS).fill(0xffffffff);
ALL_PERMISSIONS.forEach((p, i) => {
  if (isProtectedPermission(p.path)) TENANT_MASK[i >>> 5]! &= ~(1 << (i & 31));
});

export type CompiledRole = { id: number; name: string; bits: Uint32Array };
export type CompiledUser = { userId: number; roles: readonly CompiledRole[]; union: Uint32Array; roleIds: ReadonlySet<number> };

export function compileRole(id: number, name: string, grants: readonly string[], superTenant = true): CompiledRole {
  const bits = new Uint32Array(WORDS);
  for (const g of grants) {
    const covered = grantBits(g);
    for (let w = 0; w < WORDS; w++) bits[w]! |= covered[w]!;
  }
  if (!superTenant) for (let w = 0; w < WORDS; w++) bits[w]! &= TENANT_MASK[w]!;
  return { id, name, bits };
}

/** `roles` in any order; the answer names them sorted, as the API always has. */
export function compileUser(userId: number, roles: readonly CompiledRole[]): CompiledUser {
  const sorted = [...roles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const union = new Uint32Array(WORDS);
  for (const r of sorted) for (let w = 0; w < WORDS; w++) union[w]! |= r.bits[w]!;
  return { userId, roles: sorted, union, roleIds: new Set(sorted.map((r) => r.id)) };
}

export type CompiledMapping = {
  scopes: Map<string, ReadonlySet<number>>;
  /** alias role id -> the target roles it stands for, each with both names. */
  aliasesOf: Map<number, { roleId: number; role: string; aliasOf: string }[]>;
};

export function compileMapping(state: MappingState): CompiledMapping {
  const name = (id: number) => state.roles.get(id)?.name ?? `#${id}`;
  const aliasesOf = new Map<number, { roleId: number; role: string; aliasOf: string }[]>();
  for (const a of state.aliases) {
    const list = aliasesOf.get(a.aliasRoleId) ?? [];
    list.push({ roleId: a.roleId, role: name(a.aliasRoleId), aliasOf: name(a.roleId) });
    aliasesOf.set(a.aliasRoleId, list);
  }
  return { scopes: new Map(state.scopes.map((s) => [s.name, s.roleIds])), aliasesOf };
}

export function deny(code: DenialCode, message: string): AccessDecision {
  return { allowed: false, reason: { code, message, roles: [], aliases: [] } };
}

function frozen(decision: AccessDecision): AccessDecision {
  Object.freeze(decision.reason.roles);
  Object.freeze(decision.reason.aliases);
  Object.freeze(decision.reason);
  return Object.freeze(decision);
}

// A denial depends on the node only: one shared, frozen answer per node, no allocation per check.
const NOT_GRANTED = ALL_PERMISSIONS.map((p) =>
  frozen(deny("not-granted", `None of the user's roles grants ${p.path} or an ancestor of it.`)),
);

/** Only the yes or no, as casbin's enforce answers: for callers (and the benchmark) that need no reason. */
export function permits(user: CompiledUser, permission: string): boolean {
  const node = NODE_INDEX.get(permission);
  return node !== undefined && (user.union[node >>> 5]! & (1 << (node & 31))) !== 0;
}

export function decidePermission(user: CompiledUser, permission: string): AccessDecision {
  const node = NODE_INDEX.get(permission);
  if (node === undefined) return deny("unknown-permission", `${permission} is not a node of the permission tree.`);
  const word = node >>> 5;
  const mask = 1 << (node & 31);
  if ((user.union[word]! & mask) === 0) return NOT_GRANTED[node]!;
  const roles: string[] = [];
  for (const r of user.roles) if ((r.bits[word]! & mask) !== 0) roles.push(r.name);
  return { allowed: true, reason: { code: "granted", message: `Granted by ${roles.join(", ")}.`, roles, aliases: [] } };
}

export function decideScope(user: CompiledUser, scopeName: string, mapping: CompiledMapping): AccessDecision {
  const roleIds = mapping.scopes.get(scopeName);
  if (!roleIds) return deny("unknown-scope", `No scope ${scopeName} in this tenant.`);
  const direct: string[] = [];
  const aliases: { role: string; aliasOf: string }[] = [];
  for (const r of user.roles) {
    if (roleIds.has(r.id)) direct.push(r.name);
    // One level deep, as in WSO2: a held alias role gets what its target role gets.
    for (const a of mapping.aliasesOf.get(r.id) ?? []) if (roleIds.has(a.roleId)) aliases.push({ role: a.role, aliasOf: a.aliasOf });
  }
  if (direct.length === 0 && aliases.length === 0)
    return deny("not-granted", `None of the user's roles (or their aliases) is mapped to ${scopeName}.`);
  aliases.sort((x, y) => (x.role + x.aliasOf).localeCompare(y.role + y.aliasOf));
  const via = [...direct, ...aliases.map((a) => `${a.role} (alias of ${a.aliasOf})`)];
  return { allowed: true, reason: { code: "granted", message: `Granted by ${via.join(", ")}.`, roles: direct, aliases } };
}
