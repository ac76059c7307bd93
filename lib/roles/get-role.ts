import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";
import type { RoleFacts } from "../authz/role-rules.ts";

export type RoleSummary = RoleFacts & { id: number; name: string; domain: string; storeId: number; version: number };
export type RoleDetail = RoleSummary & { memberCount: number };

const SELECT = {
  id: true,
  name: true,
  kind: true,
  version: true,
  storeId: true,
  store: { select: { domain: true, readOnly: true } },
  grants: { select: { permission: true } },
} as const;
// The maintained counter (triggers of migration 0007), never a COUNT over the memberships.
const DETAIL_SELECT = { ...SELECT, memberCount: true } as const;

type Row = {
  id: number;
  name: string;
  kind: string;
  version: number;
  storeId: number;
  store: { domain: string; readOnly: boolean };
  grants: { permission: string }[];
};

function summary(role: Row): RoleSummary {
  return {
    id: role.id,
    name: role.name,
    domain: role.store.domain,
    storeId: role.storeId,
    qualified: qualifiedName(role.store.domain, role.name),
    kind: role.kind,
    readOnly: role.store.readOnly,
    version: role.version,
    grants: role.grants.map((g) => g.permission).sort(),
  };
}

/** One role of the tenant with its grants, or NOT_FOUND: other tenants' roles do not exist here. */
export async function getRole(client: Pick<Db | Tx, "role">, tenantId: number, id: number): Promise<RoleDetail> {
  const role = await client.role.findFirst({ where: { id, tenantId }, select: DETAIL_SELECT });
  if (!role) throw new AppError("NOT_FOUND", "That role does not exist.");
  return { ...summary(role), memberCount: role.kind === "everyone" ? 0 : role.memberCount };
}

/** Several roles in one query, in the order asked, or NOT_FOUND if any is missing (or another tenant's). */
export async function getRoles(client: Pick<Db | Tx, "role">, tenantId: number, ids: readonly number[]): Promise<RoleSummary[]> {
  if (!ids.length) return [];
  const rows = await client.role.findMany({ where: { id: { in: [...ids] }, tenantId }, select: SELECT });
  const byId = new Map(rows.map((row) => [row.id, summary(row)]));
  return ids.map((id) => {
    const role = byId.get(id);
    if (!role) throw new AppError("NOT_FOUND", "That role does not exist.");
    return role;
  });
}

/** The tenant's admin role (WSO2's admin role, whatever its configured name), if provisioning made one. */
export async function adminRoleId(client: Pick<Db | Tx, "role">, tenantId: number): Promise<number | null> {
  const role = await client.role.findFirst({ where: { tenantId, kind: "admin" }, select: { id: true } });
  return role?.id ?? null;
}
