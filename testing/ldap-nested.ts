import { MAX_GROUP_NESTING } from "../lib/user-stores/external/settings.ts";
import { ssha } from "./ldap-fixture.ts";

export const NESTED_PASSWORD = "nested-pass-1";
/** chain-0 … chain-(NESTED_CHAIN-1): one more link than nesting follows. */
export const NESTED_CHAIN = MAX_GROUP_NESTING + 2;

/**
 * People ann, ben, cid, dot and groups: eng holds the groups devs (ann) and ops (ben); staff
 * holds eng and dot (two levels); cyc-a (cid) and cyc-b hold each other; chain-0 (ben) is
 * held by chain-1, … by chain-(NESTED_CHAIN-1), deeper than nesting is followed.
 */
export function nestedDirectory(suffix: string): string {
  const person = (uid: string) =>
    [`dn: uid=${uid},ou=people,${suffix}`, "objectClass: inetOrgPerson", `uid: ${uid}`, `cn: ${uid}`, `sn: ${uid}`].join("\n") +
    `\nuserPassword: ${ssha(NESTED_PASSWORD)}`;
  const group = (cn: string, members: string[]) =>
    [`dn: cn=${cn},ou=groups,${suffix}`, "objectClass: groupOfNames", `cn: ${cn}`, ...members.map((m) => `member: ${m}`)].join("\n");
  const user = (uid: string) => `uid=${uid},ou=people,${suffix}`;
  const grp = (cn: string) => `cn=${cn},ou=groups,${suffix}`;
  const chain = Array.from({ length: NESTED_CHAIN }, (_, i) => group(`chain-${i}`, [i === 0 ? user("ben") : grp(`chain-${i - 1}`)]));
  return [
    ...["ann", "ben", "cid", "dot"].map(person),
    group("devs", [user("ann")]),
    group("ops", [user("ben")]),
    group("eng", [grp("devs"), grp("ops")]),
    group("staff", [grp("eng"), user("dot")]),
    group("cyc-a", [user("cid"), grp("cyc-b")]),
    group("cyc-b", [grp("cyc-a")]),
    ...chain,
  ].join("\n\n");
}
