import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../testing/databases.ts";
import { addPerson, createTestDirectory, seedExternalStore, type TestDirectory } from "../../../testing/test-directory.ts";
import { nameKey } from "../../core/domains.ts";
import { AppError } from "../../errors.ts";
import { provision } from "../../provisioning/provision.ts";
import { nameSkeleton } from "../../stores/look-alike.ts";
import { verifyPassword } from "../password-hash.ts";
import { EXTERNAL_PASSWORD_MARKER } from "./mirror-names.ts";
import { syncStore } from "./sync.ts";

describe.each(await databaseKinds())("external store sync on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
  });
  afterAll(() => t.drop());

  async function storeWith(setup: (d: TestDirectory) => void, pageSize = 2) {
    const directory = createTestDirectory({ pageSize });
    setup(directory);
    const store = await seedExternalStore(t.db, directory);
    const sync = (options?: Parameters<typeof syncStore>[3]) => syncStore(t.db, store.tenantId, store.id, options);
    const users = () => t.db.user.findMany({ where: { storeId: store.id }, orderBy: { username: "asc" }, include: { claims: true } });
    const roles = () => t.db.role.findMany({ where: { storeId: store.id }, orderBy: { name: "asc" }, include: { memberships: true } });
    return { directory, store, sync, users, roles };
  }

  it("creates users with their claims, name keys and no usable password, and groups with their members", async () => {
    const s = await storeWith((d) => {
      addPerson(d, "alice", { "http://wso2.org/claims/emailaddress": "alice@example.org" });
      addPerson(d, "bob");
      addPerson(d, "carol");
      d.teams.set("cn=devs", { externalId: "cn=devs", name: "developers", memberIds: ["uid=alice,ou=people", "uid=bob,ou=people"] });
    });
    const progress: number[] = [];
    const result = await s.sync({ onProgress: (p) => progress.push(p.users + p.groups) });
    expect(result).toMatchObject({ users: 3, groups: 1, created: 4, updated: 0, removed: 0, skipped: 0 });
    expect(progress).toEqual([2, 3, 4]);
    const users = await s.users();
    expect(users.map((u) => u.username)).toEqual(["alice", "bob", "carol"]);
    expect(users[0]).toMatchObject({
      externalId: "uid=alice,ou=people",
      usernameKey: nameKey("alice"),
      usernameSkeleton: nameSkeleton("alice"),
    });
    expect(users[0]!.claims.map((c) => [c.claim, c.value])).toEqual([["http://wso2.org/claims/emailaddress", "alice@example.org"]]);
    expect(users.every((u) => u.passwordHash === EXTERNAL_PASSWORD_MARKER)).toBe(true);
    expect(await verifyPassword(EXTERNAL_PASSWORD_MARKER, EXTERNAL_PASSWORD_MARKER)).toBe(false);
    const [devs] = await s.roles();
    expect(devs).toMatchObject({ name: "developers", kind: "regular", externalId: "cn=devs", memberCount: 2 });
    expect(devs!.memberships.map((m) => m.userId).sort()).toEqual([users[0]!.id, users[1]!.id].sort());
    const state = await t.db.storeSync.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect(state).toMatchObject({ state: "idle", generation: 1, owner: null, usersSeen: 3, groupsSeen: 1, lastError: null });
  });

  it("follows renames, changed claims and removals, and swaps of names between entries", async () => {
    const s = await storeWith((d) => {
      addPerson(d, "dave", { "http://wso2.org/claims/givenname": "Dave" });
      addPerson(d, "erin");
      addPerson(d, "frank");
      d.teams.set("cn=ops", { externalId: "cn=ops", name: "ops", memberIds: ["uid=dave,ou=people"] });
    });
    await s.sync();
    const before = await s.users();
    const frank = before.find((u) => u.username === "frank")!;
    await t.db.session.create({
      data: { id: `s-${frank.id}`, tenantId: s.store.tenantId, userId: frank.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });

    s.directory.people.get("uid=dave,ou=people")!.username = "David";
    s.directory.people.get("uid=dave,ou=people")!.claims = { "http://wso2.org/claims/lastname": "Jones" };
    // erin and frank's names swap places; then frank's entry leaves the directory.
    s.directory.people.get("uid=erin,ou=people")!.username = "frank";
    s.directory.people.delete("uid=frank,ou=people");
    s.directory.teams.get("cn=ops")!.name = "operations";
    const result = await s.sync();
    expect(result).toMatchObject({ users: 2, groups: 1, created: 0, updated: 3, removed: 1 });

    const after = await s.users();
    expect(after.map((u) => [u.externalId, u.username])).toEqual([
      ["uid=dave,ou=people", "David"],
      ["uid=erin,ou=people", "frank"],
    ]);
    const dave = after[0]!;
    expect(dave.id).toBe(before.find((u) => u.username === "dave")!.id);
    expect(dave.version).toBe(2);
    expect(dave.claims.map((c) => [c.claim, c.value])).toEqual([["http://wso2.org/claims/lastname", "Jones"]]);
    expect(await t.db.session.count({ where: { userId: frank.id } })).toBe(0);
    expect((await s.roles()).map((r) => [r.name, r.memberships.length])).toEqual([["operations", 1]]);
  });

  it("replaces a 5,000-member group's members set-based", async () => {
    const s = await storeWith((d) => {
      for (let i = 0; i < 6_000; i++) addPerson(d, `member${i}`);
      const ids = [...d.people.keys()];
      d.teams.set("cn=all", { externalId: "cn=all", name: "everybody", memberIds: ids.slice(0, 5_000) });
    }, 2_000);
    const started = performance.now();
    await s.sync();
    const firstMs = performance.now() - started;
    expect((await t.db.role.findFirstOrThrow({ where: { storeId: s.store.id } })).memberCount).toBe(5_000);

    const ids = [...s.directory.people.keys()];
    s.directory.teams.get("cn=all")!.memberIds = ids.slice(1_000, 6_000);
    for (const person of s.directory.people.values()) person.username = person.username.replace("member", "person");
    const again = performance.now();
    expect(await s.sync()).toMatchObject({ created: 0, updated: 6_000, removed: 0 });
    const renameMs = performance.now() - again;
    const role = await t.db.role.findFirstOrThrow({ where: { storeId: s.store.id } });
    expect(role.memberCount).toBe(5_000);
    const first = await t.db.user.findFirstOrThrow({ where: { storeId: s.store.id, externalId: ids[0] } });
    const last = await t.db.user.findFirstOrThrow({ where: { storeId: s.store.id, externalId: ids[5_999] } });
    expect(await t.db.membership.count({ where: { roleId: role.id, userId: first.id } })).toBe(0);
    expect(await t.db.membership.count({ where: { roleId: role.id, userId: last.id } })).toBe(1);
    expect(last.username).toBe("person5999");
    console.log(
      `[sync ${kind}] 6,000 users + a 5,000-member group: first sync ${Math.round(firstMs)} ms, renaming all ${Math.round(renameMs)} ms`,
    );
  });

  it("mirrors hostile names safely and skips the ones Gatehouse cannot hold", async () => {
    const odd = ['robert\'); DROP TABLE "User";--', "аdmin", "名前", "🦊fox", "ＡＬＩＣＥ", "x".repeat(255)];
    const unusable = ["a/b", "zero\u200Bwidth", "nul\u0000", "lone\uD800", "", "x".repeat(256), "alice"];
    const s = await storeWith((d) => {
      for (const name of [...odd, ...unusable]) addPerson(d, name);
      d.people.set("bad\u0000id", { externalId: "bad\u0000id", username: "fine", claims: {}, password: "" });
      d.teams.set("cn=odd", { externalId: "cn=odd", name: "g'; --", memberIds: [...d.people.keys()] });
    }, 5);
    const result = await s.sync();
    expect(result.skipped).toBe(unusable.length + 1);
    expect((await s.users()).map((u) => u.username).sort()).toEqual([...odd].sort());
    expect((await s.roles())[0]).toMatchObject({ name: "g'; --", memberCount: odd.length });
    expect(await t.db.user.count()).toBeGreaterThan(odd.length);
  });

  it("refuses to run while another run holds a live lease, and takes over a stale one", async () => {
    const s = await storeWith((d) => addPerson(d, "gina"));
    await t.db.storeSync.create({
      data: { storeId: s.store.id, state: "running", owner: "other-instance", heartbeatAt: new Date(), generation: 4 },
    });
    await expect(s.sync()).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.user.count({ where: { storeId: s.store.id } })).toBe(0);

    await t.db.storeSync.update({ where: { storeId: s.store.id }, data: { heartbeatAt: new Date(Date.now() - 61_000) } });
    await expect(s.sync()).resolves.toMatchObject({ created: 1 });
    expect(await t.db.storeSync.findUniqueOrThrow({ where: { storeId: s.store.id } })).toMatchObject({
      generation: 5,
      owner: null,
      state: "idle",
    });
  });

  it("stops when its lease is taken over mid-run", async () => {
    const s = await storeWith((d) => ["h1", "h2", "h3"].forEach((n) => addPerson(d, n)), 1);
    s.directory.beforePage = async (index) => {
      if (index === 1) await t.db.storeSync.update({ where: { storeId: s.store.id }, data: { owner: "taker", heartbeatAt: new Date() } });
    };
    await expect(s.sync()).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.storeSync.findUniqueOrThrow({ where: { storeId: s.store.id } })).toMatchObject({ owner: "taker" });
  });

  it("keeps the mirror when the directory fails part-way, records why, and completes on the next run", async () => {
    const s = await storeWith((d) => ["ivy", "jack", "kate", "liam"].forEach((n) => addPerson(d, n)), 1);
    await s.sync();
    s.directory.people.delete("uid=liam,ou=people");
    s.directory.people.get("uid=ivy,ou=people")!.username = "ivy2";
    s.directory.people.get("uid=kate,ou=people")!.username = "kate2";
    s.directory.failAfterPages = 1;
    const failure = await s.sync().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe("STORE_UNAVAILABLE");
    // The first page was refreshed; nothing was removed.
    expect((await s.users()).map((u) => u.username)).toEqual(["ivy2", "jack", "kate", "liam"]);
    const state = await t.db.storeSync.findUniqueOrThrow({ where: { storeId: s.store.id } });
    expect(state).toMatchObject({ state: "failed", owner: null });
    expect(state.lastError).toBe("Failed while reading users: The test directory is down (connection refused).");

    s.directory.failAfterPages = null;
    await s.sync();
    expect((await s.users()).map((u) => u.username)).toEqual(["ivy2", "jack", "kate2"]);
    expect(await t.db.storeSync.findUniqueOrThrow({ where: { storeId: s.store.id } })).toMatchObject({ state: "idle", lastError: null });
  });

  it("honours an abort between pages and removes nothing", async () => {
    const s = await storeWith((d) => ["mia", "noah", "olga"].forEach((n) => addPerson(d, n)), 1);
    await s.sync();
    s.directory.people.delete("uid=olga,ou=people");
    const controller = new AbortController();
    s.directory.beforePage = (index) => {
      if (index === 1) controller.abort();
    };
    await expect(s.sync({ signal: controller.signal })).rejects.toThrow();
    expect(await t.db.user.count({ where: { storeId: s.store.id } })).toBe(3);
    expect((await t.db.storeSync.findUniqueOrThrow({ where: { storeId: s.store.id } })).lastError).toBe("Cancelled while reading users.");
  });
});
