import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { findUserId, requireRole } from "../management/names.ts";
import { provision } from "../provisioning/provision.ts";
import { listScopeMappings } from "../scopes/list-scope-mappings.ts";
import { createSession } from "../sessions/create-session.ts";
import { listActiveSessions } from "../sessions/list-sessions.ts";
import { roleNameColumns } from "./look-alike.ts";

// `_` and `%` are LIKE's wildcards and `\` is PostgreSQL's default LIKE escape: typed into a
// filter or held in a name, each must mean itself.
describe.each(await databaseKinds())("names and filters never act as wildcards on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  const p = `w${crypto.randomBytes(3).toString("hex")}`;
  const HOUR = 3_600_000;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
  });
  afterAll(() => t.drop());

  it("the sessions page's user filter is a literal prefix", async () => {
    for (const suffix of ["a_b", "axb", "a%c", "axxc", "b\\d", "bxd"]) {
      const user = await seedUser(t.db, { username: `${p}${suffix}` });
      await createSession(t.db, { tenantId, userId: user.id, kind: "console", lifetimeMs: HOUR });
    }
    const expired = await seedUser(t.db, { username: `${p}a_old` });
    await createSession(t.db, { tenantId, userId: expired.id, kind: "console", lifetimeMs: -1000 });
    const users = async (filter: string) =>
      (await listActiveSessions(t.db, tenantId, HOUR, { page: 1, size: 100, user: filter })).rows.map((r) => r.user.slice(p.length)).sort();
    expect(await users(`${p}a_b`)).toEqual(["a_b"]);
    expect(await users(`${p}A_`)).toEqual(["a_b"]);
    expect(await users(`${p}a%`)).toEqual(["a%c"]);
    expect(await users(`${p}b\\`)).toEqual(["b\\d"]);
    expect(await users(`${p}a`)).toEqual(["a%c", "a_b", "axb", "axxc"]);
  });

  it("the role permissions search is a literal substring", async () => {
    const scope = await t.db.apiScope.findFirstOrThrow({ where: { tenantId } });
    const store = await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
    for (const suffix of ["r_s", "rxs", "r%t", "ryyt", "u\\v", "uxv"]) {
      await t.db.role.create({
        data: { tenantId, storeId: store.id, ...roleNameColumns(`${p}${suffix}`), scopes: { create: { scopeId: scope.id } } },
      });
    }
    const roles = async (q: string) =>
      (await listScopeMappings(t.db, tenantId, { q, page: 1, size: 100 })).page.rows.map((r) => r.role.slice(p.length)).sort();
    expect(await roles(`${p}r_s`)).toEqual(["r_s"]);
    expect(await roles("R_S")).toEqual(["r_s"]);
    expect(await roles(`${p}r%`)).toEqual(["r%t"]);
    expect(await roles("u\\")).toEqual(["u\\v"]);
    expect(await roles(`PRIMARY/${p}r_`)).toEqual(["r_s"]);
    expect(await roles(`${p}r`)).toEqual(["r%t", "r_s", "rxs", "ryyt"]);
  });

  it("a name with `*`, `%` or `_` in it is looked up exactly (GET /management/users/{name}, roles by name)", async () => {
    const star = await seedUser(t.db, { username: `${p}m*n` });
    await seedUser(t.db, { username: `${p}mxn` });
    expect(await findUserId(t.db, tenantId, `${p}m*n`)).toBe(star.id);
    for (const name of [`${p}m*`, `${p}m%`, `${p}m_n`, `${p}m%n`, "*"]) {
      await expect(findUserId(t.db, tenantId, name)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await requireRole(t.db, tenantId, `${p}r%t`)).name).toBe(`${p}r%t`);
    await expect(requireRole(t.db, tenantId, `${p}r_s%`)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireRole(t.db, tenantId, `${p}r*`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
