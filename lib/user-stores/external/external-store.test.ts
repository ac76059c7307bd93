import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../testing/actor.ts";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { seedUser, superTenantId, TEST_PASSWORD } from "../../../testing/seed.ts";
import { addPerson, createTestDirectory, seedExternalStore, type TestDirectory } from "../../../testing/test-directory.ts";
import { signInWithPassword } from "../../auth/sign-in.ts";
import { checkAccess } from "../../authz-check/check-access.ts";
import type { Actor } from "../../authz/principal.ts";
import { provision } from "../../provisioning/provision.ts";
import { createRole } from "../../roles/create-role.ts";
import { resolveSession } from "../../sessions/resolve-session.ts";
import { listStores } from "../../stores/list-stores.ts";
import { setUserRolesCommand } from "../../users/commands.ts";
import { tenantUserStore } from "../user-store-for.ts";
import { syncStore } from "./sync.ts";

const config = testConfig({ rate_limit: { per_address: 10_000, global: 10_000 } });
const LOGIN = "/permission/admin/login";
const LOGS = "/permission/admin/monitor/logs";

describe.each(await databaseKinds())("external user stores on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
  });
  afterAll(() => t.drop());

  const signIn = (username: string, password = TEST_PASSWORD) =>
    signInWithPassword(t.db, config, { username, password, kind: "console", ip: "203.0.113.20" });
  const lastFailure = async (name: string) =>
    JSON.parse(
      (await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_in_failed", actorName: name }, orderBy: { id: "desc" } }))
        .after!,
    ).reason as string;
  const internalRole = async (name: string, grants: string[]) => {
    const internal = await t.db.userStore.findFirstOrThrow({ where: { tenantId, kind: "internal" } });
    return t.db.role.create({
      data: {
        tenantId,
        storeId: internal.id,
        name,
        nameKey: name.toLowerCase(),
        nameSkeleton: name.toLowerCase(),
        grants: { create: grants.map((permission) => ({ permission })) },
      },
    });
  };
  async function syncedStore(setup: (d: TestDirectory) => void, readOnly = true) {
    const directory = createTestDirectory({ readOnly });
    setup(directory);
    const store = await seedExternalStore(t.db, directory);
    await syncStore(t.db, tenantId, store.id);
    const user = (username: string) => t.db.user.findFirstOrThrow({ where: { storeId: store.id, usernameKey: username.toLowerCase() } });
    return { directory, store, user };
  }
  const versionOf = async (id: number) => (await t.db.user.findUniqueOrThrow({ where: { id } })).version;
  const loginRole = async (userId: number) => {
    const role = await internalRole(`login_${userId}`, [LOGIN, LOGS]);
    await setUserRolesCommand.run(t.db, admin, { id: userId, version: await versionOf(userId), add: [role.id], remove: [] });
    return role;
  };

  it("signs in as DOMAIN/name against the directory; an Internal role given by the real command grants exactly its permissions", async () => {
    const s = await syncedStore((d) => {
      addPerson(d, "lena");
      d.teams.set("cn=readers", { externalId: "cn=readers", name: "readers", memberIds: ["uid=lena,ou=people"] });
    });
    const lena = await s.user("lena");
    expect(await signIn(`${s.store.domain}/lena`)).toEqual({ ok: false });
    expect(await lastFailure(`${s.store.domain}/lena`)).toBe("no login permission");

    const role = await loginRole(lena.id);
    const result = await signIn(`${s.store.domain.toLowerCase()}/LENA`);
    expect(result).toMatchObject({ ok: true, userId: lena.id });
    expect(await signIn(`${s.store.domain}/lena`, "not the password")).toEqual({ ok: false });
    expect(await lastFailure(`${s.store.domain}/lena`)).toBe("wrong password");
    // Unprefixed names are PRIMARY's: the directory's user is not found there.
    expect(await signIn("lena")).toEqual({ ok: false });

    const everyone = await t.db.roleGrant.findMany({ where: { role: { tenantId, kind: "everyone" } } });
    const principal = await actorFor(t.db, lena.id);
    expect(new Set(principal.grants)).toEqual(new Set([LOGIN, LOGS, ...everyone.map((g) => g.permission)]));
    expect(principal.roles.map((r) => r.name).sort()).toEqual([`Internal/${role.name}`, `${s.store.domain}/readers`]);
    expect(await checkAccess(t.db, tenantId, { user: `${s.store.domain}/lena`, permission: LOGS })).toMatchObject({ allowed: true });
    expect(await checkAccess(t.db, tenantId, { user: `${s.store.domain}/lena`, permission: "/permission/admin/manage" })).toMatchObject({
      allowed: false,
    });
    // The read-only store's own groups are the directory's: the command refuses to change them.
    const readers = await t.db.role.findFirstOrThrow({ where: { storeId: s.store.id } });
    await expect(
      setUserRolesCommand.run(t.db, admin, { id: lena.id, version: await versionOf(lena.id), add: [], remove: [readers.id] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refreshes the user's mirror row at each sign-in: a rename, claims and groups", async () => {
    const s = await syncedStore((d) => {
      addPerson(d, "mark", { "http://wso2.org/claims/givenname": "Mark" });
      d.teams.set("cn=a", { externalId: "cn=a", name: "team-a", memberIds: ["uid=mark,ou=people"] });
      d.teams.set("cn=b", { externalId: "cn=b", name: "team-b", memberIds: [] });
    });
    const mark = await s.user("mark");
    await loginRole(mark.id);
    const entry = s.directory.people.get("uid=mark,ou=people")!;
    entry.username = "marcus";
    entry.claims = { "http://wso2.org/claims/givenname": "Marcus" };
    s.directory.teams.get("cn=a")!.memberIds = [];
    s.directory.teams.get("cn=b")!.memberIds = [entry.externalId];

    expect(await signIn(`${s.store.domain}/marcus`)).toMatchObject({ ok: true, userId: mark.id });
    const after = await t.db.user.findUniqueOrThrow({
      where: { id: mark.id },
      include: { claims: true, memberships: { include: { role: true } } },
    });
    expect(after.username).toBe("marcus");
    expect(after.claims.map((c) => c.value)).toEqual(["Marcus"]);
    expect(after.memberships.map((m) => m.role.name).sort()).toEqual([`login_${mark.id}`, "team-b"]);
  });

  it("answers a directory that is down like a wrong password, audits the cause, and still lists the store's users", async () => {
    const s = await syncedStore((d) => ["nina", "otto"].forEach((n) => addPerson(d, n)));
    await loginRole((await s.user("nina")).id);
    s.directory.down = true;
    expect(await signIn(`${s.store.domain}/nina`)).toEqual({ ok: false });
    expect(await lastFailure(`${s.store.domain}/nina`)).toBe("user store unavailable: The test directory is down (connection refused).");
    const users = await tenantUserStore(t.db, tenantId, await listStores(t.db, tenantId));
    const page = await users.listUsers(t.db, tenantId, { storeId: s.store.id, sort: "username", dir: "asc", size: 10 });
    expect(page.rows.map((u) => u.username)).toEqual(["nina", "otto"]);
    expect((await s.user("nina")).failedAttempts).toBe(0);
  });

  it("refuses sign-in to a disabled store's users and ends their sessions at the next request", async () => {
    const s = await syncedStore((d) => addPerson(d, "pia"));
    await loginRole((await s.user("pia")).id);
    const signedIn = await signIn(`${s.store.domain}/pia`);
    if (!signedIn.ok) throw new Error("sign-in failed");
    const policy = { idleTimeoutMs: 900_000 };
    expect(await resolveSession(t.db, signedIn.sessionSecret, policy)).not.toBeNull();

    await t.db.userStore.update({ where: { id: s.store.id }, data: { enabled: false } });
    expect(await resolveSession(t.db, signedIn.sessionSecret, policy)).toBeNull();
    expect((await t.db.session.findFirstOrThrow({ where: { userId: signedIn.userId } })).revokedReason).toBe("user store disabled");
    expect(await signIn(`${s.store.domain}/pia`)).toEqual({ ok: false });
    expect(await lastFailure(`${s.store.domain}/pia`)).toBe("user store disabled");
  });

  it("refuses writes to a read-only store, and writes a read-write store's directory before the mirror", async () => {
    const ro = await syncedStore((d) => addPerson(d, "quinn"));
    const stores = await listStores(t.db, tenantId);
    const users = await tenantUserStore(t.db, tenantId, stores);
    const quinn = await ro.user("quinn");
    await expect(
      t.db.$transaction((tx) => users.setClaims(tx, quinn.id, { "http://wso2.org/claims/givenname": "Q" })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const rw = await syncedStore(() => undefined, false);
    const ref = (await listStores(t.db, tenantId)).find((st) => st.id === rw.store.id)!;
    const password = await users.preparePassword("first-Secret-1");
    const { id } = await t.db.$transaction((tx) => users.createUser(tx, tenantId, ref, { username: "rita", password, roleIds: [] }));
    const entry = [...rw.directory.people.values()].find((p) => p.username === "rita")!;
    expect(entry.password).toBe("first-Secret-1");
    expect(await t.db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ storeId: rw.store.id, externalId: entry.externalId });

    const next = await users.preparePassword("second-Secret-2");
    const version = (await t.db.user.findUniqueOrThrow({ where: { id } })).version;
    await t.db.$transaction((tx) =>
      users.updateUser(tx, tenantId, id, { version, password: { value: next, mustChange: false, clearLockout: true } }),
    );
    expect(entry.password).toBe("second-Secret-2");
    await expect(
      t.db.$transaction((tx) =>
        users.updateUser(tx, tenantId, id, { version, password: { value: password, mustChange: false, clearLockout: true } }),
      ),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(entry.password).toBe("second-Secret-2");

    await t.db.$transaction((tx) => users.setClaims(tx, id, { "http://wso2.org/claims/givenname": "Rita" }));
    expect(entry.claims).toEqual({ "http://wso2.org/claims/givenname": "Rita" });
    await t.db.$transaction((tx) => users.deleteUsers(tx, tenantId, [id]));
    expect(rw.directory.people.has(entry.externalId)).toBe(false);
    expect(await t.db.user.count({ where: { id } })).toBe(0);
    // A group made from Gatehouse is made in the directory, so the next sync keeps it (lib/roles/external-group-commands.test.ts).
    const made = await createRole(t.db, admin, { domain: rw.store.domain, name: "made-here", permissions: [], userIds: [] });
    expect(rw.directory.teams.get("cn=made-here,ou=groups")?.name).toBe("made-here");
    await syncStore(t.db, tenantId, rw.store.id);
    expect(await t.db.role.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({ externalId: "cn=made-here,ou=groups" });
  });
});
