/**
 * The tenant's whole scope mapping loaded into memory: scopes with their role ids, alias pairs,
 * the admin role, and the names of every role involved. Writes load it right after
 * lockMappingVersion(); reads and previews load it without a lock. There are a few dozen scopes
 * and roles per tenant, so one load is a handful of small queries.
 */
import type { Db, Tx } from "../db/client.ts";
import { qualifiedName } from "../core/domains.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";

export type MappedRole = { id: number; name: string; kind: string };
export type ScopeState = { id: number; name: string; description: string; tag: string; roleIds: Set<number> };
/** `aliasRoleId` gets every scope that `roleId` (the target, which appears in scopes) gets. */
export type AliasPair = { roleId: number; aliasRoleId: number };

export type MappingState = {
  tenantId: number;
  version: number;
  adminRoleId: number | null;
  scopes: ScopeState[];
  aliases: AliasPair[];
  /** Every role in a scope or an alias, plus the admin role; writes add the roles they resolve. */
  roles: Map<number, MappedRole>;
};

type Client = Pick<Db | Tx, "apiScope" | "roleAlias" | "role" | "setting">;

const roleSelect = { id: true, name: true, kind: true, store: { select: { domain: true } } } as const;
type RoleRow = { id: number; name: string; kind: string; store: { domain: string } };
export const toMappedRole = (r: RoleRow): MappedRole => ({ id: r.id, name: qualifiedName(r.store.domain, r.name), kind: r.kind });

export async function loadMappingState(client: Client, tenantId: number): Promise<MappingState> {
  // Sequential, not Promise.all: writers call this inside a transaction, whose one pg
  // connection refuses overlapping queries.
  const version = await readMappingVersion(client, tenantId);
  const scopes = await client.apiScope.findMany({
    where: { tenantId },
    orderBy: { id: "asc" },
    select: { id: true, name: true, description: true, tag: true, roles: { select: { roleId: true }, orderBy: { roleId: "asc" } } },
  });
  const aliases = await client.roleAlias.findMany({
    where: { role: { tenantId } },
    select: { roleId: true, aliasRoleId: true },
    orderBy: [{ roleId: "asc" }, { aliasRoleId: "asc" }],
  });
  const admin = await client.role.findFirst({ where: { tenantId, kind: "admin" }, select: { id: true } });
  const ids = new Set<number>([
    ...scopes.flatMap((s) => s.roles.map((r) => r.roleId)),
    ...aliases.flatMap((a) => [a.roleId, a.aliasRoleId]),
  ]);
  if (admin) ids.add(admin.id);
  const roles = await client.role.findMany({ where: { tenantId, id: { in: [...ids] } }, select: roleSelect });
  return {
    tenantId,
    version,
    adminRoleId: admin?.id ?? null,
    scopes: scopes.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      tag: s.tag,
      roleIds: new Set(s.roles.map((r) => r.roleId)),
    })),
    aliases,
    roles: new Map(roles.map((r) => [r.id, toMappedRole(r)])),
  };
}

export function roleName(state: MappingState, id: number): string {
  return state.roles.get(id)?.name ?? `#${id}`;
}

/** The admin role first (it is on every scope), then by name ignoring case: the order every list and export uses. */
export function compareRoleNames(state: MappingState): (a: number, b: number) => number {
  return (a, b) => {
    if (a === state.adminRoleId || b === state.adminRoleId) return a === state.adminRoleId ? (b === a ? 0 : -1) : 1;
    const x = roleName(state, a).toLowerCase();
    const y = roleName(state, b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : a - b;
  };
}

export function sortedRoleNames(state: MappingState, ids: Iterable<number>): string[] {
  return [...ids].sort(compareRoleNames(state)).map((id) => roleName(state, id));
}

export function hasMapping(state: MappingState, roleId: number): boolean {
  return state.scopes.some((s) => s.roleIds.has(roleId)) || state.aliases.some((a) => a.aliasRoleId === roleId);
}
