/**
 * Pure planning over a MappingState: what a desired state changes, whether it breaks the
 * admin-role rule, and how it reads by name (for previews and the audit trail). No I/O here,
 * so previews and writes compute exactly the same plan.
 */
import { AppError } from "../errors.ts";
import { compareRoleNames, roleName, sortedRoleNames, type AliasPair, type MappingState } from "./mapping-state.ts";

export type ScopeChange = { scopeId: number; scope: string; added: number[]; removed: number[] };
export type AliasChanges = { added: AliasPair[]; removed: AliasPair[] };
export type MappingChanges = { scopes: ScopeChange[]; aliases: AliasChanges };

export const NO_ALIAS_CHANGES: AliasChanges = { added: [], removed: [] };

/** Changes that turn each listed scope's roles into `desired` (scope id -> role ids); unlisted scopes stay as they are. */
export function diffScopes(state: MappingState, desired: ReadonlyMap<number, ReadonlySet<number>>): ScopeChange[] {
  const changes: ScopeChange[] = [];
  for (const scope of state.scopes) {
    const want = desired.get(scope.id);
    if (!want) continue;
    const added = [...want].filter((id) => !scope.roleIds.has(id));
    const removed = [...scope.roleIds].filter((id) => !want.has(id));
    if (added.length + removed.length > 0) changes.push({ scopeId: scope.id, scope: scope.name, added, removed });
  }
  return changes;
}

const pairKey = (p: AliasPair) => `${p.roleId}:${p.aliasRoleId}`;

/** Changes that make the alias pairs satisfying `within` equal `desired`; pairs outside it stay. */
export function diffAliases(current: readonly AliasPair[], desired: readonly AliasPair[], within: (p: AliasPair) => boolean): AliasChanges {
  const have = new Set(current.filter(within).map(pairKey));
  const want = new Map(desired.map((p) => [pairKey(p), p]));
  return {
    added: [...want.values()].filter((p) => !have.has(pairKey(p))),
    removed: current.filter((p) => within(p) && !want.has(pairKey(p))),
  };
}

export function isEmpty(changes: MappingChanges): boolean {
  return changes.scopes.length === 0 && changes.aliases.added.length === 0 && changes.aliases.removed.length === 0;
}

/** The scopes a change would take the admin role off. */
export function adminRemovedFrom(state: MappingState, changes: readonly ScopeChange[]): string[] {
  return changes.filter((c) => state.adminRoleId !== null && c.removed.includes(state.adminRoleId)).map((c) => c.scope);
}

/** WSO2's rule: the admin role stays on every scope that has it. */
export function assertAdminKept(state: MappingState, changes: readonly ScopeChange[]): void {
  const scopes = adminRemovedFrom(state, changes);
  if (scopes.length === 0) return;
  const admin = roleName(state, state.adminRoleId!);
  const list = scopes.length > 5 ? `${scopes.slice(0, 5).join(", ")} and ${scopes.length - 5} more` : scopes.join(", ");
  throw new AppError("INVALID_INPUT", `The admin role (${admin}) stays on every scope; it cannot be removed from ${list}.`, { scopes });
}

export type NamedScopeChange = { scope: string; added: string[]; removed: string[] };
/** Alias changes grouped by target: `role` is the role that appears in scopes. */
export type NamedAliasChange = { role: string; added: string[]; removed: string[] };
export type NamedChanges = { scopes: NamedScopeChange[]; aliases: NamedAliasChange[] };

export function nameChanges(state: MappingState, changes: MappingChanges): NamedChanges {
  const targets = [...new Set([...changes.aliases.added, ...changes.aliases.removed].map((p) => p.roleId))].sort(compareRoleNames(state));
  const sources = (pairs: AliasPair[], target: number) =>
    sortedRoleNames(
      state,
      pairs.filter((p) => p.roleId === target).map((p) => p.aliasRoleId),
    );
  return {
    scopes: changes.scopes.map((c) => ({
      scope: c.scope,
      added: sortedRoleNames(state, c.added),
      removed: sortedRoleNames(state, c.removed),
    })),
    aliases: targets.map((id) => ({
      role: roleName(state, id),
      added: sources(changes.aliases.added, id),
      removed: sources(changes.aliases.removed, id),
    })),
  };
}

/** What each role gains or loses. `followers` are its aliases, which gain and lose the same scopes. */
export type RoleImpact = { role: string; gained: string[]; lost: string[]; followers: string[] };

export function roleImpact(state: MappingState, changes: readonly ScopeChange[]): RoleImpact[] {
  const byRole = new Map<number, { gained: string[]; lost: string[] }>();
  const entry = (id: number) => byRole.get(id) ?? byRole.set(id, { gained: [], lost: [] }).get(id)!;
  for (const c of changes) {
    for (const id of c.added) entry(id).gained.push(c.scope);
    for (const id of c.removed) entry(id).lost.push(c.scope);
  }
  const followers = (target: number) =>
    sortedRoleNames(
      state,
      state.aliases.filter((a) => a.roleId === target).map((a) => a.aliasRoleId),
    );
  return [...byRole.keys()]
    .sort(compareRoleNames(state))
    .map((id) => ({ role: roleName(state, id), ...byRole.get(id)!, followers: followers(id) }));
}
