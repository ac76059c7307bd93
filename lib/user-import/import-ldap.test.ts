import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { importJobs } from "../../testing/import-job.ts";
import { generateDirectory, ldapSettingsFor } from "../../testing/ldap-fixture.ts";
import { runCommand, superAdminActor } from "../../testing/tenants.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../testing/slapd.ts";
import type { Actor } from "../authz/principal.ts";
import { provision } from "../provisioning/provision.ts";
import { seal } from "../stores/secrets.ts";
import type { Directory } from "../user-stores/external/directory.ts";
import { createLdapDirectory } from "../user-stores/external/ldap/ldap-directory.ts";
import { syncStore } from "../user-stores/external/sync.ts";
import { DIRECTORY_CHUNK_ROWS } from "../user-stores/external/directory-bulk-import.ts";
import { importJobsQuery } from "./commands.ts";
import { runImport } from "./run-import.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
process.env.GATEHOUSE_STORE_KEY ??= "test-store-key-for-the-ldap-import-suite-0123456789";
const EMAIL = "http://wso2.org/claims/emailaddress";
const GIVEN = "http://wso2.org/claims/givenname";
const COUNTRY = "http://wso2.org/claims/country";
const PASSWORD = "a long enough password 1";
const runs = slapdAvailable() || process.env.CI !== undefined;
const kinds = await databaseKinds();

describe.skipIf(!runs)("bulk import into a read-write LDAP store (slapd)", () => {
  describe.each(kinds)("mirrored on %s", (kind) => {
    let slapd: Slapd;
    let t: TestDatabase;
    let admin: Actor;
    let ldap: Directory;
    let jobs: ReturnType<typeof importJobs>;
    let storeId: number;
    let group: { id: number; name: string; externalId: string | null };

    beforeAll(async () => {
      const fixture = generateDirectory({ users: 2, groups: 1 });
      slapd = await startSlapd({ ldif: fixture.ldif });
      t = await createTestDatabase(kind);
      await provision(t.db, config);
      admin = await superAdminActor(t.db);
      jobs = importJobs(t.db);
      const settings = JSON.stringify({ ...ldapSettingsFor(slapd), bindPassword: seal(slapd.rootPassword) });
      const tenantId = admin.tenantId;
      storeId = (
        await t.db.userStore.create({ data: { tenantId, domain: "CORP", kind: "secondary", type: "ldap", readOnly: false, settings } })
      ).id;
      await t.db.userStore.create({ data: { tenantId, domain: "RO", kind: "secondary", type: "ldap", readOnly: true, settings } });
      await syncStore(t.db, tenantId, storeId);
      group = await t.db.role.findFirstOrThrow({ where: { storeId } });
      const internalStore = await t.db.userStore.findFirstOrThrow({ where: { tenantId, kind: "internal" } });
      await t.db.role.create({
        data: { tenantId, storeId: internalStore.id, name: "ldap-importers", nameKey: "ldap-importers", nameSkeleton: "ldap-importers" },
      });
      ldap = createLdapDirectory(ldapSettingsFor(slapd), true);
    });
    afterAll(async () => {
      await ldap?.close();
      await slapd?.stop();
      await t?.drop();
    });

    const mirrorOf = (username: string) =>
      t.db.user.findFirst({ where: { storeId, username }, include: { claims: true, memberships: { include: { role: true } } } });

    it("previews a WSO2 bulk-import CSV, then writes every user to the directory and the mirror with claims and roles", async () => {
      const roles = `http://wso2.org/claims/role=CORP/${group.name}:Internal/ldap-importers`;
      const text = [
        "UserName,Password,Claims",
        `imp_ann,${PASSWORD},${EMAIL}=ann@example.com,${GIVEN}=Ann,${roles}`,
        `CORP/imp_bob,${PASSWORD},${EMAIL}=bob@example.com`,
        `imp_cat,,${EMAIL}=cat@example.com,http://wso2.org/claims/identity/askPassword=true`,
        `imp_dan,${bcrypt.hashSync(PASSWORD, 4)},${EMAIL}=dan@example.com`,
        `imp_eve,${PASSWORD},${COUNTRY}=France`,
        `imp_fay,${PASSWORD},http://wso2.org/claims/role=Internal/ldap-importers`,
      ].join("\n");
      const preview = await jobs.stage(admin, "CORP", text);
      expect(preview).toMatchObject({ format: "wso2-csv", total: 6, toCreate: 3, invalid: 3 });
      expect((await jobs.rows(admin, preview.id, "invalid")).rows.map((r) => [r.line, r.column, r.message])).toEqual([
        [4, "Password", "The CORP directory needs a password for each new user."],
        [5, "Password", "The CORP directory hashes passwords itself: give this user's password in clear, not a hash."],
        [6, COUNTRY, `${COUNTRY} has no attribute in the CORP store (Settings › Claims), so it cannot be kept.`],
      ]);
      expect(await ldap.findUser("imp_ann")).toBeNull();

      expect(await jobs.applied(admin, preview.id)).toMatchObject({ state: "done", created: 3, failed: 0 });
      const ann = (await ldap.findUser("imp_ann"))!;
      expect(ann.claims).toMatchObject({ [EMAIL]: "ann@example.com", [GIVEN]: "Ann" });
      expect(ann.groupIds).toEqual([group.externalId]);
      expect(await ldap.authenticate(ann.externalId, PASSWORD)).toBe(true);
      expect(await ldap.authenticate((await ldap.findUser("imp_bob"))!.externalId, PASSWORD)).toBe(true);
      const mirror = (await mirrorOf("imp_ann"))!;
      expect(mirror.externalId).toBe(ann.externalId);
      expect(Object.fromEntries(mirror.claims.map((c) => [c.claim, c.value]))).toMatchObject({
        [EMAIL]: "ann@example.com",
        [GIVEN]: "Ann",
      });
      expect(mirror.memberships.map((m) => m.role.name).sort()).toEqual([group.name, "ldap-importers"].sort());
      expect((await mirrorOf("imp_fay"))!.memberships.map((m) => m.role.name)).toEqual(["ldap-importers"]);
      expect(await t.db.auditEvent.count({ where: { action: "user.created", targetName: { startsWith: "CORP/imp_" } } })).toBe(3);
    });

    it("updates existing directory users: the file's claims set in the directory, its groups added", async () => {
      const text = ["UserName,Password,Claims", `imp_bob,,${GIVEN}=Robert,http://wso2.org/claims/role=CORP/${group.name}`].join("\n");
      const preview = await jobs.stage(admin, "CORP", text, "update");
      expect(preview).toMatchObject({ toUpdate: 1, invalid: 0 });
      expect(await jobs.applied(admin, preview.id)).toMatchObject({ state: "done", updated: 1 });
      const bob = (await ldap.findUser("imp_bob"))!;
      expect(bob.claims).toMatchObject({ [GIVEN]: "Robert", [EMAIL]: "bob@example.com" });
      expect(bob.groupIds).toEqual([group.externalId]);
      expect((await mirrorOf("imp_bob"))!.memberships.map((m) => m.role.name)).toEqual([group.name]);
    });

    it("undoes a chunk in the directory when one of its rows fails there", async () => {
      const text = ["UserName,Password", `fail_one,${PASSWORD}`, `fail_two,${PASSWORD}`, `fail_three,${PASSWORD}`].join("\n");
      const preview = await jobs.stage(admin, "CORP", text);
      expect(preview.toCreate).toBe(3);
      // Someone adds fail_two in the directory itself after the preview (the mirror has not synced it).
      const writer = createLdapDirectory(ldapSettingsFor(slapd), false);
      await writer.createUser({ username: "fail_two", password: "somebody else's password", claims: {} });
      await writer.close();

      const failed = await jobs.applied(admin, preview.id);
      expect(failed).toMatchObject({ state: "failed", created: 0 });
      expect(failed.lastError).toMatch(/^fail_two: The LDAP directory refused the change/);
      expect(await ldap.findUser("fail_one")).toBeNull();
      expect(await ldap.findUser("fail_three")).toBeNull();
      expect(await t.db.user.count({ where: { storeId, username: { startsWith: "fail_" } } })).toBe(0);
    });

    it("resumes a job whose runner died between the directory's writes and its commit, without duplicates", async () => {
      const names = Array.from({ length: DIRECTORY_CHUNK_ROWS + 5 }, (_, i) => `res_${String(i).padStart(2, "0")}`);
      const preview = await jobs.stage(admin, "CORP", ["UserName,Password", ...names.map((n) => `${n},${PASSWORD}`)].join("\n"));
      // What the dead runner left: its first rows' entries in the directory, no mirror rows, no outcomes.
      const writer = createLdapDirectory(ldapSettingsFor(slapd), false);
      for (const name of names.slice(0, 5)) await writer.createUser({ username: name, password: PASSWORD, claims: {} });
      await writer.close();
      const { version } = await jobs.job(admin, preview.id);
      await t.db.importJob.update({
        where: { id: preview.id },
        data: { state: "running", owner: "dead:1:x", heartbeatAt: new Date(Date.now() - 120_000), version: version + 1 },
      });

      await runImport(t.db, preview.id);
      expect(await jobs.job(admin, preview.id)).toMatchObject({ state: "done", created: names.length, failed: 0 });
      const entries: string[] = [];
      for await (const page of ldap.users()) entries.push(...page.map((u) => u.username).filter((n) => n.startsWith("res_")));
      expect(entries.sort()).toEqual(names);
      const mirrored = await t.db.user.findMany({ where: { storeId, username: { startsWith: "res_" } }, orderBy: { username: "asc" } });
      expect(mirrored.map((u) => u.username)).toEqual(names);
    });

    it("offers the read-write directory on the import page, and refuses a read-only one before staging anything", async () => {
      const { stores } = await runCommand(importJobsQuery, t.db, admin, {});
      expect(stores).toContain("CORP");
      expect(stores).not.toContain("RO");
      await expect(jobs.stage(admin, "RO", `UserName,Password\nro_user,${PASSWORD}`)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "The RO user store is read-only.",
      });
      const ro = await t.db.userStore.findFirstOrThrow({ where: { domain: "RO" } });
      expect(await t.db.importJob.count({ where: { storeId: ro.id } })).toBe(0);
    });
  });
});
