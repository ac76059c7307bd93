import { existsSync } from "node:fs";
import { Client } from "ldapts";
import { describe, expect, it } from "vitest";
import { generateDirectory, HOSTILE_NAMES } from "./ldap-fixture.ts";
import { slapdAvailable, startSlapd } from "./slapd.ts";

async function uids(url: string, dn: string, password: string, base: string): Promise<string[]> {
  const client = new Client({ url, timeout: 5_000 });
  try {
    await client.bind(dn, password);
    const { searchEntries } = await client.search(base, { scope: "one", filter: "(objectClass=inetOrgPerson)", attributes: ["uid"] });
    return searchEntries.map((entry) => String(entry.uid));
  } finally {
    await client.unbind();
  }
}

describe.skipIf(!slapdAvailable() && process.env.CI === undefined)("the slapd test harness", () => {
  it("loads hostile names with slapadd, survives a kill and a restart, and removes its folder on stop", async () => {
    const fixture = generateDirectory({ users: 30, groups: 3 });
    const slapd = await startSlapd({ ldif: fixture.ldif });
    expect(new Set(await uids(slapd.url, slapd.rootDn, slapd.rootPassword, slapd.peopleDn))).toEqual(
      new Set(fixture.users.map((u) => u.uid)),
    );
    expect(fixture.users.map((u) => u.uid)).toEqual(expect.arrayContaining([...HOSTILE_NAMES]));

    await slapd.kill();
    await expect(uids(slapd.url, slapd.rootDn, slapd.rootPassword, slapd.peopleDn)).rejects.toThrow();
    await slapd.restart();
    expect(await uids(slapd.url, slapd.rootDn, slapd.rootPassword, slapd.peopleDn)).toHaveLength(30);
    await slapd.stop();
    await expect(uids(slapd.url, slapd.rootDn, slapd.rootPassword, slapd.peopleDn)).rejects.toThrow();
  });

  it("serves ldaps:// with a certificate from its own CA", async () => {
    const slapd = await startSlapd({ tls: true });
    expect(slapd.caFile && existsSync(slapd.caFile)).toBe(true);
    await slapd.stop();
    expect(slapd.caFile && existsSync(slapd.caFile)).toBe(false);
  });
});
