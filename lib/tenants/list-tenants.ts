import { SUPER_TENANT } from "../core/tenant.ts";
import { escapeLike } from "../db/like.ts";
import { bool, date, int, readRows, text, type RawRow, type Reader } from "../db/raw-read.ts";
import { empty, join, raw, sql } from "../db/sql.ts";
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

const SORT_COLUMN = { domain: "domain", active: "active", email: "email", created: "createdAt" } as const;

const COLUMNS = sql`t."id", t."domain", t."active", t."firstName", t."lastName", t."email", t."createdAt"`;
const tenantRow = (r: RawRow): Omit<TenantRow, "owners"> => ({
  id: int(r.id),
  domain: text(r.domain),
  active: bool(r.active),
  firstName: text(r.firstName),
  lastName: text(r.lastName),
  email: text(r.email),
  createdAt: date(r.createdAt),
});

/**
 * The tenants the super tenant manages (never itself), by domain unless `order` says otherwise
 * (the console's sortable columns; the domain, unique, breaks ties): contains-search, then a
 * page after a domain (keyset, by domain only) or at an offset (the WSO2 REST API's limit/offset,
 * the console's pages). Raw reads (lib/db/raw-read.ts): through Prisma the page, the count and
 * the owners cost 100× their SQL and more at 1,000 tenants of 1,000 users (docs/performance.md, #15).
 */
export async function listTenants(
  client: Reader,
  params: TTenantListParams,
  order: TTenantOrder = { sort: "domain", dir: "asc" },
): Promise<TenantList> {
  const search = params.q?.toLowerCase();
  // Domains are stored in lower case, so LIKE matches alike on both databases; the text is literal.
  const where = sql`t."domain" <> ${SUPER_TENANT}${search ? sql` AND t."domain" LIKE ${`%${escapeLike(search)}%`} ESCAPE '\\'` : empty}`;
  const after = order.sort === "domain" && order.dir === "asc" ? params.after?.toLowerCase() : undefined;
  const dir = order.dir === "asc" ? sql`ASC` : sql`DESC`;
  const orderBy = order.sort === "domain" ? sql`t."domain" ${dir}` : sql`${raw(`t."${SORT_COLUMN[order.sort]}"`)} ${dir}, t."domain" ASC`;
  const offset = after ? 0 : params.offset;
  const page = await readRows(
    client,
    sql`SELECT ${COLUMNS} FROM "Tenant" t WHERE ${where}${after ? sql` AND t."domain" > ${after}` : empty}
      ORDER BY ${orderBy} LIMIT ${params.limit + 1} OFFSET ${offset}`,
    tenantRow,
  );
  const rows = page.slice(0, params.limit);
  const [total] = await readRows(client, sql`SELECT COUNT(*) AS "n" FROM "Tenant" t WHERE ${where}`, (r) => int(r.n));
  const owners = await ownersOf(
    client,
    rows.map((r) => r.id),
  );
  return {
    rows: rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] })),
    total: total ?? 0,
    offset,
    limit: params.limit,
    next: page.length > params.limit ? rows[rows.length - 1]!.domain : null,
  };
}

export async function getTenant(client: Reader, id: number): Promise<TenantRow> {
  const [tenant] = await readRows(client, sql`SELECT ${COLUMNS} FROM "Tenant" t WHERE t."id" = ${id}`, tenantRow);
  if (!tenant || tenant.domain === SUPER_TENANT) throw tenantNotFound();
  return { ...tenant, owners: (await ownersOf(client, [id])).get(id) ?? [] };
}

/**
 * WSO2's tenant owners: the members of each tenant's admin role, oldest account first. From the
 * admin roles down (Role(tenantId, kind), then the memberships by role): asked per user, as
 * "users holding an admin membership", it probed every user of the page's tenants.
 */
async function ownersOf(client: Reader, tenantIds: number[]): Promise<Map<number, TenantOwner[]>> {
  if (tenantIds.length === 0) return new Map();
  const users = await readRows(
    client,
    sql`SELECT DISTINCT u."id", u."tenantId", u."username"
      FROM "Role" r JOIN "Membership" m ON m."roleId" = r."id" JOIN "User" u ON u."id" = m."userId"
      WHERE r."tenantId" IN (${join(tenantIds)}) AND r."kind" = 'admin' AND u."tenantId" = r."tenantId"
      ORDER BY u."id" ASC`,
    (r) => ({ id: int(r.id), tenantId: int(r.tenantId), username: text(r.username) }),
  );
  const byTenant = new Map<number, TenantOwner[]>();
  for (const u of users) byTenant.set(u.tenantId, [...(byTenant.get(u.tenantId) ?? []), { id: u.id, username: u.username }]);
  return byTenant;
}
