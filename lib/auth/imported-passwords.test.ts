import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { wso2Sha256 } from "../../testing/wso2-jdbc.ts";
import { PRIMARY } from "../core/domains.ts";
import { provision } from "../provisioning/provision.ts";
import { wso2Sha256Hash } from "../user-stores/imported-hashes.ts";
import { UNUSABLE_PASSWORD } from "../user-stores/password-hash.ts";
import { userStoreByDomain } from "../user-stores/user-store-for.ts";
import { hashPassword, needsRehash, verifyPassword } from "./password.ts";
import { signInWithPassword } from "./sign-in.ts";

// Users imported with another system's hash (issue #16, docs/import-export.md "Passwords") sign in
// through the real sign-in, which stores argon2id in its place. Lockout is out of the way here.
const config = testConfig({ rate_limit: { per_address: 10_000, global: 10_000 } });
const LOGIN = ["/permission/admin/login"] as const;
const PASSWORD = "Imported pässword 1";

describe.each(await databaseKinds())("signing in with an imported password hash on %s", (kind) => {
  let t: TestDatabase;
  const attempt = (username: string, password: string) =>
    signInWithPassword(t.db, config, { username, password, kind: "console", ip: "203.0.113.16" });
  const storedHash = async (id: number) => (await t.db.user.findUniqueOrThrow({ where: { id } })).passwordHash;
  const failureReasons = async (userId: number) =>
    (await t.db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", actorId: userId }, orderBy: { id: "asc" } })).map(
      (e) => JSON.parse(e.after!).reason,
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
  });
  afterAll(() => t.drop());

  const salt = crypto.randomBytes(16).toString("base64");
  const imported = [
    { scheme: "bcrypt", make: () => bcrypt.hash(PASSWORD, 10) },
    { scheme: "bcrypt $2y$ (PHP)", make: async () => (await bcrypt.hash(PASSWORD, 5)).replace(/^\$2b\$/, "$2y$") },
    { scheme: "WSO2 salted SHA-256", make: async () => wso2Sha256Hash(salt, wso2Sha256(PASSWORD, salt)) },
    { scheme: "WSO2 unsalted SHA-256", make: async () => wso2Sha256Hash(null, wso2Sha256(PASSWORD, "")) },
    {
      scheme: "argon2i",
      make: async () => "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
      password: "password",
    },
  ];

  it.each(imported)("a $scheme user signs in, then holds an argon2id hash and signs in again", async ({ make, password }) => {
    const secret = password ?? PASSWORD;
    const original = await make();
    const user = await seedUser(t.db, { passwordHash: original, grants: LOGIN });

    expect(await attempt(user.username, `${secret}!`)).toEqual({ ok: false });
    expect(await storedHash(user.id)).toBe(original);
    expect(await failureReasons(user.id)).toEqual(["wrong password"]);

    expect((await attempt(user.username, secret)).ok).toBe(true);
    const upgraded = await storedHash(user.id);
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(upgraded)).toBe(false);
    expect(await verifyPassword(upgraded, secret)).toBe(true);

    expect((await attempt(user.username, secret)).ok).toBe(true);
    expect(await storedHash(user.id)).toBe(upgraded);
    expect(await attempt(user.username, `${secret}!`)).toEqual({ ok: false });
    expect(await storedHash(user.id)).toBe(upgraded);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("never signs in a user imported without a password, whatever is typed, and never replaces the marker", async () => {
    const user = await seedUser(t.db, { passwordHash: UNUSABLE_PASSWORD, grants: LOGIN });
    await t.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    for (const password of ["", UNUSABLE_PASSWORD, PASSWORD]) {
      expect(await attempt(user.username, password)).toEqual({ ok: false });
    }
    expect(await storedHash(user.id)).toBe(UNUSABLE_PASSWORD);
    expect(await failureReasons(user.id)).toEqual(["wrong password", "wrong password", "wrong password"]);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps a password set while the imported one was being checked: the upgrade only replaces the hash it verified", async () => {
    const original = await bcrypt.hash(PASSWORD, 4);
    const user = await seedUser(t.db, { passwordHash: original, grants: LOGIN });
    const tenantId = await superTenantId(t.db);
    const primary = (await userStoreByDomain(t.db, tenantId, PRIMARY))!;
    const checked = await primary.users.authenticate({ id: user.id, handle: original }, PASSWORD);
    expect(checked.ok).toBe(true);
    expect(checked.rehash?.replaces).toBe(original);

    // An administrator's reset commits between the check and the upgrade.
    const reset = await hashPassword("set by an administrator");
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: reset } });
    await t.db.$transaction((tx) => primary.users.rehash(tx, tenantId, user.id, checked.rehash!));
    expect(await storedHash(user.id)).toBe(reset);

    // Without the race the same upgrade applies.
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: original } });
    await t.db.$transaction((tx) => primary.users.rehash(tx, tenantId, user.id, checked.rehash!));
    expect(await storedHash(user.id)).toBe(checked.rehash!.stored);
  });
});
