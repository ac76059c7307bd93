import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createEmptyTarget, databaseKinds } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import type { Actor } from "../authz/principal.ts";
import { createDb, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { provision } from "../provisioning/provision.ts";
import { rolePageQuery, rolesPageQuery } from "../roles/queries.ts";
import { userPageQuery, usersPageQuery } from "./queries.ts";

// How many SQL statements each hot page's query sends (not how long they take). Before the
// raw read path (#12): /users 7, a user's page 8, /roles 4, a role's page 6 (Prisma's nested
// selects and the store lookup on every read). Transaction control statements never occur here.
describe.each(await databaseKinds())("statements per page query on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let actor: Actor;
  let memberId: number;
  let roleId: number;
  let statements: string[] = [];

  beforeAll(async () => {
    const empty = await createEmptyTarget(kind);
    cleanup = empty.cleanup;
    await migrate(empty.target, async () => undefined);
    db = createDb(empty.target, { onStatement: (text) => statements.push(text) });
    await provision(db, testConfig());
    actor = await actorFor(db, (await seedUser(db, { admin: true })).id);
    for (let i = 0; i < 5; i++) {
      const seeded = await seedUser(db, { grants: ["/permission/admin/manage/identity/usermgt/view"] });
      memberId = seeded.id;
      roleId = seeded.roleId;
    }
  });
  afterAll(async () => {
    await db.$disconnect();
    await cleanup();
  });

  async function count(run: () => Promise<unknown>): Promise<number> {
    await run(); // warm: the connection and the in-process store types
    statements = [];
    await run();
    return statements.length;
  }

  // Four since claims are data (#16): the claim filter's options are the tenant's claims.
  it("renders /users in four: the stores, one page of users, one JOIN for their roles, the claims", async () => {
    const params = usersPageQuery.input.parse({});
    expect(await count(() => usersPageQuery.run(db, actor, params))).toBe(4);
    const page = await usersPageQuery.run(db, actor, params);
    expect(page.rows.find((r) => r.id === memberId)?.roles).toHaveLength(1);
  });

  it("renders a user's page in two and /roles in two", async () => {
    expect(await count(() => userPageQuery.run(db, actor, userPageQuery.input.parse({ id: String(memberId) })))).toBe(2);
    expect(await count(() => rolesPageQuery.run(db, actor, rolesPageQuery.input.parse({})))).toBe(2);
  });

  it("renders a role's page in two: the role with grants and count, one page of members", async () => {
    expect(await count(() => rolePageQuery.run(db, actor, rolePageQuery.input.parse({ id: String(roleId) })))).toBe(2);
  });
});
