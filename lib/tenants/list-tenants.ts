import type { Db } from "../db/client.ts";
import { SUPER_TENANT } from "../core/tenant.ts";
import { tenantNotFound } from "./super-tenant.ts";
import type { TTenantListParams, TTenantOrder } from "./tenant-input.ts";

export type TenantOwner = { id: number; username: string };
export type TenantRow = {
  id: number;
  domain: string;
  active: boolean;
  firstName: string;
  lastName: string;
  email: string;
  createdAt: Date;
  owners: TenantOwner[];
};
export type TenantList = { rows: TenantRow[]; total: number; offset: number; limit: number; next: string | null };

const COLUMNS = { id: true, domain: true, active: true, firstName: true, lastName: true, email: true, createdAt: true } as const;

const SORT_COLUMN = { domain: "domain", active: "active", email: "email", created: "createdAt" } as const;

/**
 * The tenants the super tenant manages (never itself), by domain unless `order` says otherwise
 * (the console's sortable columns; the domain, unique, breaks ties): contains-search, then a
 * page after a domain (keyset, by domain only) or at an offset (the WSO2 REST API's limit/offset,
 * the console's pages).
 */
export async function listTenants(
  client: Db,
  params: TTenantListParams,
  order: TTenantOrder = { sort: "domain", dir: "asc" },
): Promise<TenantList> {
  const search = params.q?.toLowerCase();
  const where = { domain: { not: SUPER_TENANT, ...(search ? { contains: search } : {}) } };
  const after = order.sort === "domain" && order.dir === "asc" ? params.after?.toLowerCase() : undefined;
  const orderBy =
    order.sort === "domain" ? [{ domain: order.dir }] : [{ [SORT_COLUMN[order.sort]]: order.dir }, { domain: "asc" as const }];
  const page = await client.tenant.findMany({
    where: after ? { AND: [where, { domain: { gt: after } }] } : where,
    select: COLUMNS,
    orderBy,
    skip: after ? 0 : params.offset,
    take: params.limit + 1,
  });
  const rows = page.slice(0, params.limit);
  const total = await client.tenant.count({ where });
  const owners = await ownersOf(
    client,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] })),
    total,
    offset: after ? 0 : params.offset,
    limit: params.limit,
    next: page.length > params.limit ? rows[rows.length - 1]!.domain : null,
  };
}

export async function getTenant(client: Db, id: number): Promise<TenantRow> {
  const tenant = await client.tenant.findUnique({ where: { id }, select: COLUMNS });
  if (!tenant || tenant.domain === SUPER_TENANT) throw tenantNotFound();
  return { ...tenant, owners: (await ownersOf(client, [id])).get(id) ?? [] };
}

/** WSO2's tenant owners: the members of each tenant's admin role, oldest account first. */
async function ownersOf(client: Db, tenantIds: number[]): Promise<Map<number, TenantOwner[]>> {
  if (tenantIds.length === 0) return new Map();
  const users = await client.user.findMany({
    where: { tenantId: { in: tenantIds }, memberships: { some: { role: { kind: "admin" } } } },
    select: { id: true, tenantId: true, username: true },
    orderBy: { id: "asc" },
  });
  const byTenant = new Map<number, TenantOwner[]>();
  for (const u of users) byTenant.set(u.tenantId, [...(byTenant.get(u.tenantId) ?? []), { id: u.id, username: u.username }]);
  return byTenant;
}
