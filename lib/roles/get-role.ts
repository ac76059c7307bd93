import type { Db, Tx } from "../db/client.ts";
import { bool, int, readRows, text, textOrNull, type Reader } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
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
  store: { select: { domain: true, readOnly: true, type: true } },
  grants: { select: { permission: true } },
} as const;

type Row = {
  id: number;
  name: string;
  kind: string;
  version: number;
  storeId: number;
  store: { domain: string; readOnly: boolean; type: string };
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
    external: role.store.type !== "database",
    version: role.version,
    grants: role.grants.map((g) => g.permission).sort(),
  };
}

/**
 * One role of the tenant with its grants and member count, or NOT_FOUND: other tenants' roles do
 * not exist here. One statement, a row per grant: the role with its maintained member counter
 * joined to its grants. Internal/everyone has no membership rows: its count is 0.
 */
export async function getRole(client: Reader, tenantId: number, id: number): Promise<RoleDetail> {
  const rows = await readRows(
    client,
    sql`SELECT r."id", r."name", r."kind", r."version", r."storeId", s."domain", s."readOnly", s."type", g."permission",
        CASE WHEN r."kind" = 'everyone' THEN 0 ELSE r."memberCount" END AS "memberCount"
      FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId" LEFT JOIN "RoleGrant" g ON g."roleId" = r."id"
      WHERE r."id" = ${id} AND r."tenantId" = ${tenantId}
      ORDER BY g."permission"`,
    (r) => ({ row: r, permission: textOrNull(r.permission) }),
  );
  const first = rows[0]?.row;
  if (!first) throw new AppError("NOT_FOUND", "That role does not exist.");
  const grants = rows.flatMap((r) => (r.permission === null ? [] : [r.permission]));
  const role = summary({
    id: int(first.id),
    name: text(first.name),
    kind: text(first.kind),
    version: int(first.version),
    storeId: int(first.storeId),
    store: { domain: text(first.domain), readOnly: bool(first.readOnly), type: text(first.type) },
    grants: grants.map((permission) => ({ permission })),
  });
  return { ...role, memberCount: int(first.memberCount) };
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
