// The SQL the super admin's tenant list costs (lib/tenants/list-tenants.ts), sent straight
// through the driver: the raw-SQL baseline of `bench:users -- --tenants` and the bare server's
// /tenants page. A page at an offset in the chosen order, the count of the search's matches, and
// the owners (the admin role's members) of the page's tenants; keep it in step with listTenants.
import { empty, join, sql } from "../../lib/db/sql.ts";
import type { Run } from "./bare-queries.ts";

export type BareTenantsParams = { q?: string; limit: number; offset: number; sort: "domain" | "created"; dir: "asc" | "desc" };
export type BareTenantRow = { id: number; domain: string; active: boolean; email: string; owners: string[] };

const SUPER_TENANT = "carbon.super";

export async function tenantsPage(run: Run, p: BareTenantsParams): Promise<{ rows: BareTenantRow[]; total: number }> {
  const dir = p.dir === "asc" ? sql`ASC` : sql`DESC`;
  const where = sql`t."domain" <> ${SUPER_TENANT}${p.q ? sql` AND t."domain" LIKE ${`%${p.q.toLowerCase()}%`}` : empty}`;
  const order = p.sort === "domain" ? sql`t."domain" ${dir}` : sql`t."createdAt" ${dir}, t."domain" ASC`;
  const page = await run(sql`SELECT t."id", t."domain", t."active", t."firstName", t."lastName", t."email", t."createdAt"
    FROM "Tenant" t WHERE ${where} ORDER BY ${order} LIMIT ${p.limit + 1} OFFSET ${p.offset}`);
  const [count] = await run(sql`SELECT COUNT(*) AS "n" FROM "Tenant" t WHERE ${where}`);
  const ids = page.slice(0, p.limit).map((r) => Number(r.id));
  const owners = ids.length
    ? await run(sql`SELECT DISTINCT u."id", u."tenantId", u."username"
        FROM "Role" r JOIN "Membership" m ON m."roleId" = r."id" JOIN "User" u ON u."id" = m."userId"
        WHERE r."tenantId" IN (${join(ids)}) AND r."kind" = 'admin' AND u."tenantId" = r."tenantId" ORDER BY u."id" ASC`)
    : [];
  const rows = page.slice(0, p.limit).map((r) => ({
    id: Number(r.id),
    domain: String(r.domain),
    active: r.active === true || r.active === 1,
    email: String(r.email),
    owners: owners.filter((o) => Number(o.tenantId) === Number(r.id)).map((o) => String(o.username)),
  }));
  return { rows, total: Number(count!.n) };
}
