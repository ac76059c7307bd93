import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../testing/actor.ts";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { decide } from "../authz/decide.ts";
import type { Actor } from "../authz/principal.ts";
import { roleNameColumns, usernameColumns } from "../stores/look-alike.ts";
import { provision } from "../provisioning/provision.ts";
import { forgetStoreKey } from "../stores/secrets.ts";
import {
  addStoreCommand,
  deleteStoreCommand,
  editStoreCommand,
  setStoreEnabledCommand,
  syncStoreNowCommand,
  testStoreCommand,
} from "./commands.ts";
import { storeDeletionImpact } from "./delete-store.ts";
import { getStoreConfig, listStoreConfigs } from "./get-store.ts";

const SECRET = "s3cret-bind-password";
const VIEW = ["/permission/admin/login", "/permission/admin/manage/identity/userstore/config/view"] as const;
const ldap = (over: Record<string, unknown> = {}) => ({
  urls: ["ldap://127.0.0.1:1"],
  bindDn: "cn=admin,dc=example,dc=com",
  bindPassword: SECRET,
  userSearchBase: "ou=people,dc=example,dc=com",
  ...over,
});

describe.each(await databaseKinds())("user store management on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  let viewer: Actor;
  const previousKey = process.env.GATEHOUSE_STORE_KEY;
  const add = (domain: string, settings = ldap()) =>
    addStoreCommand.run(t.db, admin, addStoreCommand.input.parse({ type: "ldap", domain, description: "Staff", settings }));

  beforeAll(async () => {
    process.env.GATEHOUSE_STORE_KEY = "a-test-store-key-of-at-least-32-characters";
    forgetStoreKey();
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await actorFor(t.db, (await seedUser(t.db, { admin: true })).id);
    viewer = await actorFor(t.db, (await seedUser(t.db, { grants: VIEW })).id);
  });
  afterAll(async () => {
    if (previousKey === undefined) delete process.env.GATEHOUSE_STORE_KEY;
    else process.env.GATEHOUSE_STORE_KEY = previousKey;
    forgetStoreKey();
    await t.drop();
  });

  it("adds a store with its sync row, the secret sealed in the database and never read back or audited", async () => {
    const { id, domain } = await add("corp.example");
    expect(domain).toBe("CORP.EXAMPLE");
    const row = await t.db.userStore.findUniqueOrThrow({ where: { id }, include: { sync: true } });
    expect(row).toMatchObject({ kind: "secondary", type: "ldap", readOnly: true, enabled: true });
    expect(row.sync?.state).toBe("idle");
    expect(row.settings).not.toContain(SECRET);
    expect(JSON.parse(row.settings!).bindPassword).toMatch(/^sealed:v1:/);
    const config = await getStoreConfig(t.db, tenantId, id);
    expect(config.settings.bindPassword).toEqual({ set: true });
    expect(config.settings.userNameAttribute).toBe("uid");
    expect(JSON.stringify(await listStoreConfigs(t.db, tenantId))).not.toContain("sealed:v1:");
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "store.added", targetId: String(id) } });
    expect(`${audit.before}${audit.after}`).not.toContain(SECRET);
    expect(audit.after).not.toContain("sealed:v1:");
  });

  it("validates the domain (WSO2's rules, unique per tenant, never reserved) and the settings", async () => {
    await add("unique-one");
    const parse = (domain: string, settings: Record<string, unknown> = ldap()) =>
      addStoreCommand.input.safeParse({ type: "ldap", domain, settings }).success;
    expect(parse("has_underscore")).toBe(false);
    expect(parse("a/b")).toBe(false);
    expect(parse("primary")).toBe(false);
    expect(parse("INTERNAL")).toBe(false);
    expect(parse("Application")).toBe(false);
    expect(parse("ok", ldap({ urls: ["http://x"] }))).toBe(false);
    expect(parse("ok", ldap({ bindPassword: "" }))).toBe(false);
    await expect(add("Unique-One")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("edits with a version: a blank secret keeps the stored one, a new one is sealed, a stale version is refused", async () => {
    const { id } = await add("edit-me");
    const before = (await t.db.userStore.findUniqueOrThrow({ where: { id } })).settings!;
    const edit = (version: number, settings: Record<string, unknown>) =>
      editStoreCommand.run(t.db, admin, editStoreCommand.input.parse({ id, version, type: "ldap", readOnly: false, settings }));
    await edit(1, ldap({ bindPassword: "", userNameAttribute: "cn" }));
    const kept = await t.db.userStore.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(kept.settings!).bindPassword).toBe(JSON.parse(before).bindPassword);
    expect(JSON.parse(kept.settings!).userNameAttribute).toBe("cn");
    expect(kept).toMatchObject({ readOnly: false, version: 2 });
    await expect(edit(1, ldap())).rejects.toMatchObject({ code: "STALE_VERSION" });
    await edit(2, ldap({ bindPassword: "another-secret" }));
    const changed = (await t.db.userStore.findUniqueOrThrow({ where: { id } })).settings!;
    expect(changed).not.toContain("another-secret");
    expect(JSON.parse(changed).bindPassword).not.toBe(JSON.parse(before).bindPassword);
  });

  it("disables and enables a store", async () => {
    const { id } = await add("toggle");
    await setStoreEnabledCommand.run(t.db, admin, { id, version: 1, enabled: false });
    expect((await getStoreConfig(t.db, tenantId, id)).enabled).toBe(false);
    await expect(syncStoreNowCommand.run(t.db, admin, { id })).rejects.toMatchObject({ code: "CONFLICT" });
    await setStoreEnabledCommand.run(t.db, admin, { id, version: 2, enabled: true });
    expect(await t.db.auditEvent.count({ where: { targetId: String(id), action: { in: ["store.enabled", "store.disabled"] } } })).toBe(2);
  });

  it("tests saved and unsaved settings, answering each step instead of throwing", async () => {
    const { id } = await add("test-me");
    const saved = await testStoreCommand.run(t.db, admin, testStoreCommand.input.parse({ id }));
    expect(saved.ok).toBe(false);
    expect(saved.steps.at(-1)).toMatchObject({ ok: false });
    expect(saved.steps.at(-1)!.detail.length).toBeGreaterThan(0);
    const unsaved = await testStoreCommand.run(
      t.db,
      admin,
      testStoreCommand.input.parse({ id, type: "ldap", settings: ldap({ bindPassword: "" }) }),
    );
    expect(unsaved.ok).toBe(false);
    expect(JSON.stringify(await t.db.auditEvent.findMany({ where: { action: "store.tested" } }))).not.toContain(SECRET);
  });

  it("answers a sync that cannot run with its error, and audits it", async () => {
    const { id } = await add("sync-me");
    await expect(syncStoreNowCommand.run(t.db, admin, { id })).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(await t.db.auditEvent.count({ where: { action: "store.synced", targetId: String(id) } })).toBe(1);
  });

  it("deletes a store after the typed confirmation: its mirrored users, groups, sessions and Internal memberships go", async () => {
    const { id } = await add("doomed");
    const internalRole = await t.db.role.findFirstOrThrow({ where: { tenantId, kind: "regular", store: { domain: "Internal" } } });
    const group = await t.db.role.create({ data: { tenantId, storeId: id, ...roleNameColumns("devs"), externalId: "cn=devs" } });
    const user = await t.db.user.create({
      data: {
        tenantId,
        storeId: id,
        ...usernameColumns("alice"),
        externalId: "uid=alice",
        passwordHash: "",
        memberships: { create: [{ roleId: group.id }, { roleId: internalRole.id }] },
      },
    });
    await t.db.session.create({ data: { id: `s-${kind}-doomed`, tenantId, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await storeDeletionImpact(t.db, tenantId, id)).toEqual({
      domain: "DOOMED",
      users: 1,
      groups: 1,
      sessions: 1,
      internalMemberships: 1,
    });
    await expect(deleteStoreCommand.run(t.db, admin, { id, version: 1, domain: "wrong" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await deleteStoreCommand.run(t.db, admin, { id, version: 1, domain: "doomed" });
    expect(await t.db.userStore.count({ where: { id } })).toBe(0);
    expect(await t.db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await t.db.role.count({ where: { id: group.id } })).toBe(0);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await t.db.membership.count({ where: { roleId: internalRole.id, userId: user.id } })).toBe(0);
    expect(await t.db.storeSync.count({ where: { storeId: id } })).toBe(0);
    expect(await t.db.role.count({ where: { id: internalRole.id } })).toBe(1);
  });

  it("refuses disabling or deleting the store of the actor's own account", async () => {
    const { id } = await add("own");
    const user = await t.db.user.create({ data: { tenantId, storeId: id, ...usernameColumns("bob"), passwordHash: "" } });
    const self = { ...(await actorFor(t.db, user.id)), grants: admin.grants, isAdmin: true };
    expect(self.displayName).toBe("OWN/bob");
    await expect(setStoreEnabledCommand.run(t.db, self, { id, version: 1, enabled: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteStoreCommand.run(t.db, self, { id, version: 1, domain: "own" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.userStore.count({ where: { id } })).toBe(1);
  });

  it("gates every command by the User Store Configuration Management nodes: a read-only admin may only view", async () => {
    for (const command of [
      addStoreCommand,
      editStoreCommand,
      setStoreEnabledCommand,
      testStoreCommand,
      syncStoreNowCommand,
      deleteStoreCommand,
    ]) {
      expect(command.feature).not.toBe("self");
      expect(decide(viewer, command.feature as "stores.create")).toMatchObject({ allowed: false, code: "FORBIDDEN" });
      expect(decide(admin, command.feature as "stores.create").allowed).toBe(true);
    }
    expect(decide(viewer, "stores.view").allowed).toBe(true);
  });

  it("never reads or changes another tenant's store", async () => {
    const { id } = await add("mine");
    const stranger: Actor = { ...admin, tenantId: tenantId + 999 };
    await expect(getStoreConfig(t.db, stranger.tenantId, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteStoreCommand.run(t.db, stranger, { id, version: 1, domain: "mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
