import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTarget, databaseKinds } from "../../testing/databases.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { getTenant, listTenants } from "./list-tenants.ts";

// listTenants reads through the raw driver (#15: through Prisma its page, count and owners cost
// 50× their SQL at 1,000 tenants of 1,000 users). These pin what the raw reads must keep.
describe.each(await databaseKinds())("listTenants on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let statements: string[] = [];
  const ids = new Map<string, number>();

  /** A tenant with an admin role whose `owners` are members, and a member of another role who is no owner. */
  async function tenant(domain: string, createdAt: string, owners: string[], active = true): Promise<void> {
    const row = await db.tenant.create({ data: { domain, active, createdAt: new Date(createdAt), email: `ops@${domain}` } });
    ids.set(domain, row.id);
    const store = await db.userStore.create({ data: { tenantId: row.id, domain: "PRIMARY", kind: "primary" } });
    const role = (name: string, kind: string) =>
      db.role.create({ data: { tenantId: row.id, storeId: store.id, name, nameKey: name, kind } });
    const admin = await role("admin", "admin");
    const staff = await role("staff", "regular");
    for (const username of [...owners, "clerk"]) {
      await db.user.create({
        data: {
          tenantId: row.id,
          storeId: store.id,
          username,
          usernameKey: username,
          passwordHash: "x",
          memberships: { create: { roleId: username === "clerk" ? staff.id : admin.id } },
        },
      });
    }
  }

  beforeAll(async () => {
    const empty = await createEmptyTarget(kind);
    cleanup = empty.cleanup;
    await migrate(empty.target, async () => undefined);
    db = createDb(empty.target, { onStatement: (text) => statements.push(text) });
    await db.tenant.create({ data: { domain: "carbon.super" } });
    await tenant("b-c.org", "2025-03-01T00:00:00Z", ["root", "admin"]);
    await tenant("a_b.com", "2025-01-01T00:00:00Z", ["admin"], false);
    await tenant("axb.com", "2025-02-01T00:00:00Z", []);
  });
  afterAll(async () => {
    await db.$disconnect();
    await cleanup();
  });

  it("answers a page, its total and its owners in three statements, as Prisma reads the rows", async () => {
    await listTenants(db, { limit: 2, offset: 0 });
    statements = [];
    const list = await listTenants(db, { limit: 2, offset: 0 });
    expect(statements).toHaveLength(3);
    expect([list.rows.map((r) => r.domain), list.total, list.next]).toEqual([["a_b.com", "axb.com"], 3, "axb.com"]);
    const prisma = await db.tenant.findUniqueOrThrow({ where: { domain: "a_b.com" } });
    expect(list.rows[0]).toEqual({
      id: prisma.id,
      domain: "a_b.com",
      active: false,
      firstName: "",
      lastName: "",
      email: "ops@a_b.com",
      createdAt: prisma.createdAt,
      owners: [expect.objectContaining({ username: "admin" })],
    });
    expect(list.rows[1]!.owners).toEqual([]);
    expect((await getTenant(db, ids.get("b-c.org")!)).owners.map((o) => o.username)).toEqual(["root", "admin"]);
  });

  it("searches the domain for the text itself: _ and % match only themselves", async () => {
    const found = async (q: string) => (await listTenants(db, { q, limit: 25, offset: 0 })).rows.map((r) => r.domain);
    expect(await found("_")).toEqual(["a_b.com"]);
    expect(await found("%")).toEqual([]);
    expect(await found("B.C")).toEqual(["a_b.com", "axb.com"]);
    expect(await found("super")).toEqual([]);
  });

  it("sorts by created and by active with the domain breaking ties, pages by offset or after a domain", async () => {
    const order = async (sort: "created" | "active", dir: "asc" | "desc") =>
      (await listTenants(db, { limit: 25, offset: 0 }, { sort, dir })).rows.map((r) => r.domain);
    expect(await order("created", "desc")).toEqual(["b-c.org", "axb.com", "a_b.com"]);
    expect(await order("active", "asc")).toEqual(["a_b.com", "axb.com", "b-c.org"]);
    expect((await listTenants(db, { limit: 1, offset: 2 })).rows.map((r) => r.domain)).toEqual(["b-c.org"]);
    expect((await listTenants(db, { limit: 5, offset: 9, after: "A_B.COM" })).rows.map((r) => r.domain)).toEqual(["axb.com", "b-c.org"]);
  });
});
