import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, generateDirectory, HOSTILE_NAMES, ldapSettingsFor as settingsFor } from "../../../../testing/ldap-fixture.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../../testing/slapd.ts";
import { AppError } from "../../../errors.ts";
import type { Directory, DirectoryGroupMembers, DirectoryUser } from "../directory.ts";
import { createLdapDirectory } from "./ldap-directory.ts";

const runs = slapdAvailable() || process.env.CI !== undefined;
const EMAIL = "http://wso2.org/claims/emailaddress";
const GIVEN = "http://wso2.org/claims/givenname";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function collect<T>(pages: AsyncIterable<T[]>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let count = 0;
  for await (const page of pages) {
    items.push(...page);
    count++;
  }
  return { items, pages: count };
}

/** What `ldapsearch` sees: the directory itself, not our client's reading of it. */
function ldapsearch(slapd: Slapd, base: string, filter: string, ...attributes: string[]): string {
  const args = [
    "-x",
    "-LLL",
    "-o",
    "ldif-wrap=no",
    "-H",
    slapd.url,
    "-D",
    slapd.rootDn,
    "-w",
    slapd.rootPassword,
    "-b",
    base,
    filter,
    ...attributes,
  ];
  return execFileSync("ldapsearch", args).toString();
}

describe.skipIf(!runs)("the LDAP directory against slapd (10,000 users, 500 groups)", () => {
  let slapd: Slapd;
  let fixture: Fixture;
  let directory: Directory;

  beforeAll(async () => {
    fixture = generateDirectory({ users: 10_000, groups: 500, bigGroups: 3, bigGroupSize: 5_000 });
    slapd = await startSlapd({ ldif: fixture.ldif });
    directory = createLdapDirectory(settingsFor(slapd, { pageSize: 1_000 }), false);
  });
  afterAll(async () => {
    await directory?.close();
    await slapd?.stop();
  });

  it("pages every user with RFC 2696 and every group with its 5,000 members in one entry", async () => {
    const users = await collect(directory.users());
    expect(users.items).toHaveLength(10_000);
    expect(users.pages).toBe(10);
    expect(new Set(users.items.map((u) => u.username))).toEqual(new Set(fixture.users.map((u) => u.uid)));

    const groups = await collect(directory.groups());
    expect(groups.items).toHaveLength(500);
    const big = groups.items.filter((g) => g.memberIds.length === 5_000);
    expect(big).toHaveLength(3);
    const userIds = new Set(users.items.map((u) => u.externalId));
    expect(big.every((g) => g.memberIds.every((id) => userIds.has(id)))).toBe(true);
  });

  it("round-trips hostile names: listed, found by name, their DNs usable as members", async () => {
    const users = (await collect(directory.users())).items;
    const groups = (await collect(directory.groups())).items;
    for (const name of HOSTILE_NAMES) {
      const found = await directory.findUser(name);
      expect(found?.username, name).toBe(name);
      expect(users.find((u) => u.username === name)?.externalId).toBe(found?.externalId);
      const group = groups.find((g: DirectoryGroupMembers) => g.name === `group ${name}`);
      expect(group, name).toBeDefined();
      if (group && found && group.memberIds.includes(found.externalId)) expect(found.groupIds).toContain(group.externalId);
    }
    const hostile = await directory.findUser(`o'brien`);
    expect(hostile?.claims[EMAIL]).toBe("u0@example.test");
    expect(hostile?.groupIds.length).toBeGreaterThan(0);
  });

  it("matches LDAP injection attempts literally: they find nobody", async () => {
    for (const attempt of ["*)(uid=*", "admin)(|(uid=*", "*", "user0*", "\\2a", "(uid=*)"]) {
      const found = await directory.findUser(attempt);
      if (attempt === "*") expect(found?.username).toBe("*");
      else expect(found, attempt).toBeNull();
    }
    expect(await directory.findUser("")).toBeNull();
  });

  it("authenticates with the right password only; an empty password is refused before any bind", async () => {
    const user = (await directory.findUser("user000100"))!;
    expect(await directory.authenticate(user.externalId, fixture.password)).toBe(true);
    expect(await directory.authenticate(user.externalId, "wrong")).toBe(false);
    expect(await directory.authenticate(user.externalId, "")).toBe(false);
    const hostile = (await directory.findUser(" leading space"))!;
    expect(await directory.authenticate(hostile.externalId, fixture.password)).toBe(true);
    // The service account lives outside the user base: it never signs in through the store.
    expect(await directory.authenticate(slapd.rootDn, slapd.rootPassword)).toBe(false);
  });

  it("writes users, claims, passwords, groups and memberships that ldapsearch sees", async () => {
    const created: DirectoryUser = await directory.createUser({
      username: `new "user", +1`,
      password: "first-pass",
      claims: { [EMAIL]: "n@example.test" },
    });
    // Named by entryUUID (RFC 4530), which a rename keeps; the DN is the id it had before.
    expect(created.externalId).toMatch(UUID);
    expect(created.formerId).toContain("new");
    expect(ldapsearch(slapd, slapd.peopleDn, "(mail=n@example.test)", "uid", "userPassword")).toMatch(/userPassword:: /);
    const stored = ldapsearch(slapd, slapd.suffix, `(entryUUID=${created.externalId})`, "userPassword");
    expect(Buffer.from(/userPassword:: (\S+)/.exec(stored)![1]!, "base64").toString()).toMatch(/^\{SSHA\}/);
    expect(await directory.authenticate(created.externalId, "first-pass")).toBe(true);

    await directory.setPassword(created.externalId, "second-pass");
    expect(await directory.authenticate(created.externalId, "first-pass")).toBe(false);
    expect(await directory.authenticate(created.externalId, "second-pass")).toBe(true);

    await directory.setClaims(created.externalId, { [EMAIL]: "changed@example.test", [GIVEN]: "Ada" });
    expect(ldapsearch(slapd, slapd.suffix, `(entryUUID=${created.externalId})`, "mail", "givenName")).toMatch(
      /mail: changed@example.test\ngivenName: Ada/,
    );
    await expect(directory.setClaims(created.externalId, { "urn:unmapped": "x" })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    await expect(directory.createGroup("empty group")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const group = await directory.createGroup("writers (new)", [created.externalId]);
    const other = (await directory.findUser("user000200"))!;
    await directory.addMembers(group.externalId, [other.externalId, created.externalId]);
    expect(ldapsearch(slapd, slapd.suffix, `(entryUUID=${group.externalId})`, "member").match(/^member:/gm)).toHaveLength(2);
    expect((await directory.findUser("user000200"))!.groupIds).toContain(group.externalId);

    await directory.removeMembers(group.externalId, [other.externalId]);
    await expect(directory.removeMembers(group.externalId, [created.externalId])).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(directory.deleteUser(created.externalId)).rejects.toMatchObject({ code: "CONFLICT" });
    await directory.addMembers(group.externalId, [other.externalId]);
    await directory.deleteUser(created.externalId);
    expect(ldapsearch(slapd, slapd.peopleDn, "(mail=changed@example.test)", "uid")).toBe("");
    expect(ldapsearch(slapd, slapd.suffix, `(entryUUID=${group.externalId})`, "member").match(/^member:/gm)).toHaveLength(1);

    await directory.deleteGroup(group.externalId);
    expect(ldapsearch(slapd, slapd.groupsDn, "(cn=writers \\28new\\29)", "cn")).toBe("");
    await expect(directory.createUser({ username: "user000300", password: "x", claims: {} })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses every write on a read-only store", async () => {
    const readOnly = createLdapDirectory(settingsFor(slapd), true);
    await expect(readOnly.createUser({ username: "ro", password: "x", claims: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(readOnly.deleteGroup(`cn=group00400,${slapd.groupsDn}`)).rejects.toBeInstanceOf(AppError);
    expect(await readOnly.findUser("user000100")).not.toBeNull();
    await readOnly.close();
  });

  it("reports each step of test() and stops at the first failure", async () => {
    const steps = await directory.test();
    expect(steps.map((s) => [s.step, s.ok])).toEqual([
      ["connect", true],
      ["bind", true],
      ["user search base", true],
      ["group search base", true],
      ["read users", true],
    ]);
    expect(steps.at(-1)!.detail).toContain("Read 1000 users");
    expect(steps.at(-1)!.detail).toContain("Named by entryUUID.");
    const byDn = await createLdapDirectory(settingsFor(slapd, { uniqueIdAttribute: "carLicense", pageSize: 1_000 }), true).test();
    expect(byDn.at(-1)!.detail).toContain("1000 of them returned no carLicense: they are named by their DN");

    const wrongBase = await createLdapDirectory(settingsFor(slapd, { userSearchBase: `ou=nobody,${slapd.suffix}` }), true).test();
    expect(wrongBase.map((s) => s.ok)).toEqual([true, true, false]);
    expect(wrongBase.at(-1)!.detail).toContain("does not exist");

    const wrongPassword = await createLdapDirectory(settingsFor(slapd, { bindPassword: "nope" }), true).test();
    expect(wrongPassword.map((s) => [s.step, s.ok])).toEqual([
      ["connect", true],
      ["bind", false],
    ]);
  });
});

describe.skipIf(!runs)("the LDAP directory with groupOfUniqueNames", () => {
  it("reads and writes memberships in uniqueMember", async () => {
    const fixture = generateDirectory({ users: 40, groups: 3, groupClass: "groupOfUniqueNames" });
    const slapd = await startSlapd({ ldif: fixture.ldif });
    const directory = createLdapDirectory(
      settingsFor(slapd, { groupObjectClass: "groupOfUniqueNames", membershipAttribute: "uniqueMember" }),
      false,
    );
    try {
      const groups = (await collect(directory.groups())).items;
      expect(groups.map((g) => g.memberIds.length)).toEqual(fixture.groups.map((g) => g.memberDns.length));
      const user = (await directory.findUser("user000030"))!;
      await directory.addMembers(groups[0]!.externalId, [user.externalId]);
      expect((await directory.findUser("user000030"))!.groupIds).toContain(groups[0]!.externalId);
      expect(ldapsearch(slapd, slapd.suffix, `(entryUUID=${groups[0]!.externalId})`, "uniqueMember")).toContain("uid=user000030");
    } finally {
      await directory.close();
      await slapd.stop();
    }
  });
});
