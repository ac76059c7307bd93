import { createHash, randomBytes } from "node:crypto";
import { escapeDnValue } from "../lib/user-stores/external/ldap/ldap-escape.ts";
import { type LdapSettings, ZLdapSettings } from "../lib/user-stores/external/settings.ts";
import type { Slapd } from "./slapd.ts";

/**
 * LDIF for a test directory (#13): N inetOrgPerson users under ou=people and M groupOfNames
 * under ou=groups, the first users and groups named with every character LDAP syntax gives a
 * meaning to (filters, DNs, LDIF), so a round trip through the directory proves the escaping.
 */
export const HOSTILE_NAMES = [
  `o'brien`,
  `say "hi"`,
  `star*user`,
  `*`,
  `(paren)`,
  `close)`,
  `back\\slash`,
  `nul\\00like`,
  `comma,user`,
  `plus+user`,
  `eq=user`,
  `semi;colon`,
  `<angle>`,
  `#hash`,
  ` leading space`,
  `trailing space `,
  `Ünïcödé-用户`,
  `\u200Frtl\u200Fmark`,
  `ناصر`,
] as const;

export type FixtureUser = { uid: string; dn: string; mail: string; givenName: string; sn: string };
export type FixtureGroup = { cn: string; dn: string; memberDns: string[] };
export type Fixture = { ldif: string; users: FixtureUser[]; groups: FixtureGroup[]; password: string };

export type FixtureOptions = {
  suffix?: string;
  users: number;
  groups: number;
  /** How many of the groups (the first ones) hold `bigGroupSize` members. */
  bigGroups?: number;
  bigGroupSize?: number;
  /** Every user's password (stored as {SSHA}). */
  password?: string;
  /** groupOfNames with member (the default) or groupOfUniqueNames with uniqueMember. */
  groupClass?: "groupOfNames" | "groupOfUniqueNames";
};

export function generateDirectory(options: FixtureOptions): Fixture {
  const suffix = options.suffix ?? "dc=gatehouse,dc=test";
  const password = options.password ?? "user-password-1";
  const passwordHash = ssha(password);
  const users: FixtureUser[] = [];
  for (let i = 0; i < options.users; i++) {
    const uid = i < HOSTILE_NAMES.length ? HOSTILE_NAMES[i]! : `user${String(i).padStart(6, "0")}`;
    users.push({
      uid,
      dn: `uid=${escapeDnValue(uid)},ou=people,${suffix}`,
      mail: `u${i}@example.test`,
      givenName: `Given ${i}`,
      sn: `${uid}-sn`,
    });
  }
  const bigGroupSize = Math.min(options.bigGroupSize ?? 5_000, users.length);
  const groups: FixtureGroup[] = [];
  for (let i = 0; i < options.groups; i++) {
    const cn = i < HOSTILE_NAMES.length ? `group ${HOSTILE_NAMES[i]!}` : `group${String(i).padStart(5, "0")}`;
    const size = i < (options.bigGroups ?? 0) ? bigGroupSize : Math.min(1 + (i % 7), users.length);
    const start = (i * 37) % Math.max(1, users.length - size + 1);
    groups.push({ cn, dn: `cn=${escapeDnValue(cn)},ou=groups,${suffix}`, memberDns: users.slice(start, start + size).map((u) => u.dn) });
  }
  const groupClass = options.groupClass ?? "groupOfNames";
  const memberAttribute = groupClass === "groupOfUniqueNames" ? "uniqueMember" : "member";
  const entries = [
    ...users.map((u) =>
      entry(u.dn, [
        ["objectClass", "inetOrgPerson"],
        ["uid", u.uid],
        ["cn", u.uid],
        ["sn", u.sn],
        ["givenName", u.givenName],
        ["mail", u.mail],
        ["userPassword", passwordHash],
      ]),
    ),
    ...groups.map((g) =>
      entry(g.dn, [["objectClass", groupClass], ["cn", g.cn], ...g.memberDns.map((dn): [string, string] => [memberAttribute, dn])]),
    ),
  ];
  return { ldif: entries.join("\n"), users, groups, password };
}

/** OpenLDAP's {SSHA}: base64(SHA-1(password + salt) + salt). */
export function ssha(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash("sha1").update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString("base64")}`;
}

function entry(dn: string, attributes: [string, string][]): string {
  return [line("dn", dn), ...attributes.map(([name, value]) => line(name, value))].join("\n") + "\n";
}

/** RFC 2849: a value that is not a SAFE-STRING (leading space, colon or <, trailing space, non-ASCII) is base64. */
function line(name: string, value: string): string {
  const safe = !/^[ :<]|[^\x01-\x09\x0b\x0c\x0e-\x7f]| $/.test(value);
  return safe ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, "utf8").toString("base64")}`;
}

/** Settings for a store over a test slapd: the root DN as the service account, short timeouts. */
export function ldapSettingsFor(slapd: Slapd, overrides: Partial<LdapSettings> = {}): LdapSettings {
  return ZLdapSettings.parse({
    urls: [slapd.url],
    bindDn: slapd.rootDn,
    bindPassword: slapd.rootPassword,
    userSearchBase: slapd.peopleDn,
    groupSearchBase: slapd.groupsDn,
    connectTimeoutMs: 2_000,
    readTimeoutMs: 5_000,
    ...overrides,
  });
}
