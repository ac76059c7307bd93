import type { Entry } from "ldapts";
import { describe, expect, it } from "vitest";
import { ldapSettingsFor } from "../../../../testing/ldap-fixture.ts";
import { NESTED_PASSWORD, nestedDirectory } from "../../../../testing/ldap-nested.ts";
import { slapdAvailable, startSlapd } from "../../../../testing/slapd.ts";
import { createLdapDirectory } from "./ldap-directory.ts";
import { allRangedValues, rangedPart } from "./ldap-ranges.ts";
import { assertEncrypted, unicodePwd } from "./ldap-writes.ts";

/**
 * Active Directory behaviour slapd cannot show. No maintained in-process LDAP server that can
 * answer ranged reads is installed here (ldapjs, whose server could, is decommissioned), so the
 * range walker runs against entries shaped as AD answers them ([MS-ADTS] 3.1.1.3.1.3.3, as
 * ldapts parses them: the attribute named `member;range=<first>-<last|*>`), not a live AD.
 */
const GROUP = "CN=All Staff,OU=Groups,DC=corp,DC=example";
const member = (i: number) => `CN=User ${i},OU=People,DC=corp,DC=example`;
const members = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => member(from + k));

/** A directory holding `total` members that answers AD's way, `step` values a read, and records what was asked. */
function adGroup(total: number, step = 1500) {
  const asked: string[] = [];
  const answer = (from: number): Entry => {
    const last = Math.min(from + step - 1, total - 1);
    const end = last === total - 1 ? "*" : String(last);
    return { dn: GROUP, [`member;range=${from}-${end}`]: members(from, last) };
  };
  const read = async (dn: string, attribute: string) => {
    asked.push(attribute);
    expect(dn).toBe(GROUP);
    const from = Number(/;range=(\d+)-\*$/.exec(attribute)![1]);
    return answer(from);
  };
  return { first: answer(0), read, asked };
}

describe("Active Directory's ranged member reads", () => {
  it("parses the range in the attribute's name, in any case", () => {
    expect(rangedPart({ dn: GROUP, "member;range=0-1499": ["a", "b"] }, "member")).toEqual({ values: ["a", "b"], start: 0, next: 1500 });
    expect(rangedPart({ dn: GROUP, "Member;Range=1500-*": "c" }, "member")).toEqual({ values: ["c"], start: 1500, next: null });
    expect(rangedPart({ dn: GROUP, member: ["a"] }, "member")).toBeNull();
    expect(rangedPart({ dn: GROUP, "uniqueMember;range=0-9": ["a"] }, "member")).toBeNull();
  });

  it("reads every range of a 4,000-member group until the one ending in *", async () => {
    const ad = adGroup(4_000);
    expect(Object.keys(ad.first)).toEqual(["dn", "member;range=0-1499"]);
    const values = await allRangedValues(ad.first, "member", [], ad.read);
    expect(values).toEqual(members(0, 3_999));
    expect(ad.asked).toEqual(["member;range=1500-*", "member;range=3000-*"]);
  });

  it("follows the server's own range size (MaxValRange), and reads nothing more for a group within one range", async () => {
    const small = adGroup(1_000);
    expect(await allRangedValues(small.first, "member", [], small.read)).toHaveLength(1_000);
    expect(small.asked).toEqual([]);
    const odd = adGroup(2_500, 1_000);
    expect(await allRangedValues(odd.first, "member", [], odd.read)).toEqual(members(0, 2_499));
    expect(odd.asked).toEqual(["member;range=1000-*", "member;range=2000-*"]);
  });

  it("takes a plain attribute as it is, and refuses an answer that skips values rather than mirror half a group", async () => {
    const plain = members(0, 2);
    expect(await allRangedValues({ dn: GROUP, member: plain }, "member", plain, () => Promise.reject(new Error("no read")))).toBe(plain);
    const skipping = async () => ({ dn: GROUP, "member;range=3000-*": members(3000, 3001) });
    await expect(allRangedValues(adGroup(4_000).first, "member", [], skipping)).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    // The group was deleted between two reads: what was read stands, and the next sync removes it.
    expect(await allRangedValues(adGroup(4_000).first, "member", [], async () => undefined)).toHaveLength(1_500);
  });
});

describe("Active Directory's unicodePwd", () => {
  it("is the password in double quotes as UTF-16LE", () => {
    expect(unicodePwd("newPassword")).toEqual(Buffer.from([0x22, 0, ...[..."newPassword"].flatMap((c) => [c.charCodeAt(0), 0]), 0x22, 0]));
    // Outside the BMP: a surrogate pair, as AD expects UTF-16.
    expect(unicodePwd("pä🔑").toString("hex")).toBe("22007000e4003dd811dd2200");
  });

  it("is written only over ldaps:// or StartTLS", () => {
    expect(() => assertEncrypted({ urls: ["ldaps://dc1.corp.example"], startTls: false })).not.toThrow();
    expect(() => assertEncrypted({ urls: ["ldap://dc1.corp.example"], startTls: true })).not.toThrow();
    for (const urls of [["ldap://dc1.corp.example"], ["ldaps://dc1.corp.example", "ldap://dc2.corp.example"]]) {
      expect(() => assertEncrypted({ urls, startTls: false })).toThrow(/only over an encrypted connection/);
    }
  });
});

describe.skipIf(!slapdAvailable() && process.env.CI === undefined)("an Active Directory store over plain ldap:// (slapd)", () => {
  it("refuses a password write with a clear message and leaves the entry's password as it was", async () => {
    const suffix = "dc=ad,dc=test";
    const slapd = await startSlapd({ suffix, ldif: nestedDirectory(suffix) });
    const directory = createLdapDirectory(ldapSettingsFor(slapd, { activeDirectory: true }), false);
    try {
      const ann = (await directory.findUser("ann"))!;
      await expect(directory.setPassword(ann.externalId, "another-pass-2")).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/ldaps:\/\/ URLs or turn StartTLS on/),
      });
      expect(await directory.authenticate(ann.externalId, NESTED_PASSWORD)).toBe(true);
    } finally {
      await directory.close();
      await slapd.stop();
    }
  });
});
