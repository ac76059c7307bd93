import { Attribute, Change, Client } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ldapSettingsFor } from "../../../../testing/ldap-fixture.ts";
import { NESTED_CHAIN, nestedDirectory } from "../../../../testing/ldap-nested.ts";
import { type Slapd, slapdAvailable, startSlapd } from "../../../../testing/slapd.ts";
import { MAX_GROUP_NESTING } from "../settings.ts";
import { createLdapDirectory } from "./ldap-directory.ts";

const runs = slapdAvailable() || process.env.CI !== undefined;

const chainNames = (count: number) => Array.from({ length: count }, (_, i) => `chain-${i}`);

describe.skipIf(!runs)("nested LDAP groups against slapd", () => {
  let slapd: Slapd;
  beforeAll(async () => {
    const suffix = "dc=nested,dc=test";
    slapd = await startSlapd({ suffix, ldif: nestedDirectory(suffix) });
  });
  afterAll(() => slapd?.stop());

  /** Each group's members by user name, as a full sync reads them. */
  async function membersByGroup(nestedGroups: boolean, pageSize = 10) {
    const directory = createLdapDirectory(ldapSettingsFor(slapd, { nestedGroups, pageSize }), true);
    try {
      const names = new Map<string, string>();
      for await (const page of directory.users()) for (const u of page) names.set(u.externalId, u.username);
      const out: Record<string, string[]> = {};
      let pages = 0;
      for await (const page of directory.groups()) {
        pages++;
        for (const g of page) out[g.name] = g.memberIds.map((id) => names.get(id)!).sort();
      }
      return { groups: out, pages };
    } finally {
      await directory.close();
    }
  }

  async function groupsAtSignIn(nestedGroups: boolean, username: string): Promise<string[]> {
    const directory = createLdapDirectory(ldapSettingsFor(slapd, { nestedGroups }), true);
    try {
      const names = new Map<string, string>();
      for await (const page of directory.groups()) for (const g of page) names.set(g.externalId, g.name);
      const user = await directory.findUser(username);
      return user!.groupIds.map((id) => names.get(id)!).sort();
    } finally {
      await directory.close();
    }
  }

  it("off (the default): a group's members are only the users it names", async () => {
    const { groups } = await membersByGroup(false);
    expect(groups).toMatchObject({ devs: ["ann"], ops: ["ben"], eng: [], staff: ["dot"], "cyc-a": ["cid"], "cyc-b": [] });
    expect(await groupsAtSignIn(false, "ann")).toEqual(["devs"]);
  });

  it("on: a sync gives inner groups' members the outer groups, through cycles and to the depth bound", async () => {
    const { groups, pages } = await membersByGroup(true);
    expect(groups).toMatchObject({
      devs: ["ann"],
      ops: ["ben"],
      eng: ["ann", "ben"],
      staff: ["ann", "ben", "dot"],
      "cyc-a": ["cid"],
      "cyc-b": ["cid"],
    });
    // ben is in chain-0 itself and in each of the MAX_GROUP_NESTING groups above it; not deeper.
    for (const name of chainNames(MAX_GROUP_NESTING + 1)) expect(groups[name], name).toEqual(["ben"]);
    expect(groups[`chain-${NESTED_CHAIN - 1}`]).toEqual([]);
    // Still handed on in pages of the store's page size, after the last group was read.
    expect(pages).toBe(Math.ceil(Object.keys(groups).length / 10));
  });

  it("on: sign-in finds the same groups live", async () => {
    expect(await groupsAtSignIn(true, "ann")).toEqual(["devs", "eng", "staff"]);
    expect(await groupsAtSignIn(true, "cid")).toEqual(["cyc-a", "cyc-b"]);
    expect(await groupsAtSignIn(true, "ben")).toEqual([...chainNames(MAX_GROUP_NESTING + 1), "eng", "ops", "staff"].sort());
  });
});

describe.skipIf(!runs)("nested LDAP groups through memberOf (slapd's memberof overlay, as Active Directory)", () => {
  let slapd: Slapd;
  beforeAll(async () => {
    const suffix = "dc=memberof,dc=test";
    const people = nestedDirectory(suffix)
      .split("\n\n")
      .filter((entry) => entry.startsWith("dn: uid="));
    slapd = await startSlapd({ suffix, ldif: people.join("\n\n"), memberOf: true });
    // Added over LDAP, in order, so the overlay writes memberOf on the users and on the inner groups.
    const client = new Client({ url: slapd.url });
    await client.bind(slapd.rootDn, slapd.rootPassword);
    const add = (cn: string, members: string[]) =>
      client.add(`cn=${cn},${slapd.groupsDn}`, { objectClass: ["groupOfNames"], cn: [cn], member: members });
    const user = (uid: string) => `uid=${uid},${slapd.peopleDn}`;
    const grp = (cn: string) => `cn=${cn},${slapd.groupsDn}`;
    await add("devs", [user("ann")]);
    await add("eng", [grp("devs")]);
    await add("staff", [grp("eng"), user("dot")]);
    await add("cyc-a", [user("cid")]);
    await add("cyc-b", [grp("cyc-a")]);
    await client.modify(
      grp("cyc-a"),
      new Change({ operation: "add", modification: new Attribute({ type: "member", values: [grp("cyc-b")] }) }),
    );
    await client.unbind();
  });
  afterAll(() => slapd?.stop());

  it("a sync and a sign-in follow the groups' own memberOf, through the cycle", async () => {
    const directory = createLdapDirectory(ldapSettingsFor(slapd, { nestedGroups: true, membershipAttribute: "memberOf" }), true);
    try {
      const users = new Map<string, string>();
      for await (const page of directory.users()) for (const u of page) users.set(u.externalId, u.username);
      const groups = new Map<string, { name: string; members: string[] }>();
      for await (const page of directory.groups()) {
        for (const g of page) groups.set(g.externalId, { name: g.name, members: g.memberIds.map((id) => users.get(id)!).sort() });
      }
      const byName = Object.fromEntries([...groups.values()].map((g) => [g.name, g.members]));
      expect(byName).toEqual({ devs: ["ann"], eng: ["ann"], staff: ["ann", "dot"], "cyc-a": ["cid"], "cyc-b": ["cid"] });
      const signIn = async (name: string) => (await directory.findUser(name))!.groupIds.map((id) => groups.get(id)!.name).sort();
      expect(await signIn("ann")).toEqual(["devs", "eng", "staff"]);
      expect(await signIn("cid")).toEqual(["cyc-a", "cyc-b"]);
    } finally {
      await directory.close();
    }
  });
});
