import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../stores/domains.ts";
import type { RoleFacts } from "./role-rules.ts";

export type RoleDetail = RoleFacts & { id: number; name: string; domain: string; storeId: number; version: number; memberCount: number };

/** One role of the tenant with its grants, or NOT_FOUND: other tenants' roles do not exist here. */
export async function getRole(client: Pick<Db | Tx, "role" | "membership">, tenantId: number, id: number): Promise<RoleDetail> {
  const role = await client.role.findFirst({
    where: { id, tenantId },
    select: { id: true, name: true, kind: true, version: true, storeId: true, store: { select: { domain: true, readOnly: true } }, grants: { select: { permission: true } } },
  });
  if (!role) throw new AppError("NOT_FOUND", "That role does not exist.");
  const memberCount = role.kind === "everyone" ? 0 : await client.membership.count({ where: { roleId: id } });
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
    memberCount,
  };
}
