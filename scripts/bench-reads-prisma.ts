// The hot reads as they were before the raw read path (commit aa15c9a), kept for
// scripts/bench-reads.ts to measure against: Prisma's findMany/findFirst with nested selects,
// groupBy and count, and $queryRaw for the keyset lists.
import type { Db } from "../lib/db/client.ts";
import { sql } from "../lib/db/sql.ts";

const USER_SELECT = {
  id: true,
  username: true,
  storeId: true,
  version: true,
  store: { select: { domain: true, readOnly: true } },
} as const;
const ROLE_SELECT = {
  id: true,
  name: true,
  kind: true,
  version: true,
  storeId: true,
  store: { select: { domain: true, readOnly: true } },
  grants: { select: { permission: true } },
} as const;

export function prismaReads(tenantId: number) {
  const listStores = (c: Db) =>
    c.userStore.findMany({
      where: { tenantId },
      select: { id: true, domain: true, kind: true, readOnly: true, usernamePattern: true, rolePattern: true },
      orderBy: { domain: "asc" },
    });
  // The same keyset SQL as today's first page, through $queryRaw.
  const usersPage = (c: Db) =>
    c.$queryRaw(sql`
      SELECT u."id", u."version", u."username", u."usernameKey", u."storeId", s."domain", s."readOnly"
      FROM "User" u JOIN "UserStore" s ON s."id" = u."storeId"
      WHERE u."tenantId" = ${tenantId}
      ORDER BY u."usernameKey" ASC, u."id" ASC
      LIMIT ${26}`);
  const rolesOf = (c: Db, ids: number[]) =>
    c.membership.findMany({
      where: { userId: { in: ids } },
      select: {
        userId: true,
        role: {
          select: {
            id: true,
            name: true,
            kind: true,
            store: { select: { domain: true, kind: true, readOnly: true } },
            grants: { select: { permission: true } },
          },
        },
      },
      orderBy: [{ userId: "asc" }, { roleId: "asc" }],
    });
  return {
    listStores,
    usersPage,
    rolesOf,
    heldGrants: (c: Db, ids: number[]) =>
      c.membership.findMany({
        where: { userId: { in: ids }, role: { tenantId } },
        select: { userId: true, role: { select: { grants: { select: { permission: true } } } } },
      }),
    // listUsers: the store list twice (the page's and tenantUserStore's), the page, the roles.
    async listUsers(c: Db) {
      await listStores(c);
      await listStores(c);
      const rows = (await usersPage(c)) as { id: number | bigint }[];
      return rolesOf(
        c,
        rows.slice(0, 25).map((r) => Number(r.id)),
      );
    },
    getUser: (c: Db, id: number) =>
      c.user.findFirst({
        where: { id, tenantId },
        select: { ...USER_SELECT, lockedUntil: true, createdAt: true, claims: { select: { claim: true, value: true } } },
      }),
    getUsers: (c: Db, ids: number[]) => c.user.findMany({ where: { tenantId, id: { in: ids } }, select: USER_SELECT }),
    async getRole(c: Db, id: number) {
      const role = await c.role.findFirst({ where: { id, tenantId }, select: ROLE_SELECT });
      return { role, members: await c.membership.count({ where: { roleId: id } }) };
    },
    async listRoles(c: Db) {
      const rows = await c.$queryRaw<{ id: number | bigint }[]>(sql`
        SELECT r."id", r."version", r."name", r."nameKey", r."kind", s."domain", s."readOnly"
        FROM "Role" r JOIN "UserStore" s ON s."id" = r."storeId"
        WHERE r."tenantId" = ${tenantId} AND r."kind" <> 'system'
          AND NOT (s."kind" = 'internal' AND r."nameKey" LIKE 'system\\_%' ESCAPE '\\')
        ORDER BY r."nameKey" ASC, r."id" ASC
        LIMIT ${26}`);
      const ids = rows.slice(0, 25).map((r) => Number(r.id));
      return Promise.all([
        c.membership.groupBy({ by: ["roleId"], where: { roleId: { in: ids } }, _count: { _all: true } }),
        c.roleGrant.findMany({ where: { roleId: { in: ids } }, select: { roleId: true, permission: true } }),
      ]);
    },
  };
}
