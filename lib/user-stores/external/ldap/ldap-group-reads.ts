import type { Entry, SearchOptions } from "ldapts";
import type { DirectoryGroupMembers } from "../directory.ts";
import { MAX_GROUP_NESTING, type LdapSettings } from "../settings.ts";
import type { LdapConnection } from "./ldap-connection.ts";
import { normalizeDn } from "./ldap-dn.ts";
import { all, dns, first, IDS_PER_SEARCH, search } from "./ldap-entries.ts";
import { escapeFilterValue } from "./ldap-escape.ts";
import type { LdapIds } from "./ldap-ids.ts";
import { childrenOf, withNestedMembers } from "./ldap-nesting.ts";
import { allRangedValues } from "./ldap-ranges.ts";

/** What the group reads share with the user reads (ldap-reads.ts), which build it. */
export type LdapReadContext = {
  settings: LdapSettings;
  connection: LdapConnection;
  ids: LdapIds;
  binary: { explicitBufferAttributes?: string[] };
  /** The attribute a group lists its members in, or null when the users carry memberOf (groupMemberAttribute). */
  memberAttribute: "member" | "uniqueMember" | null;
  userFilter: (extra?: string) => string;
  groupFilter: (extra?: string) => string;
  pages: (base: string, options: SearchOptions) => AsyncGenerator<Entry[]>;
  withFormerId: <T extends { externalId: string }>(entry: Entry, named: T) => T & { formerId?: string };
  /** The users' ids by DN, from the last full read of the users or a pass of its own. */
  userIdsByDn: () => Promise<Map<string, string>>;
  /** Drops the last full read's ids: a group read uses them once. */
  forgetUserIds: () => void;
};

// Member DNs read at once when one group is read back: a compensation's read, never a sync's.
const MEMBER_READS_AT_ONCE = 20;

/** The group side of LdapReads: the sync's paged groups, one group read live, and a user's groups at sign-in. */
export function ldapGroupReads(context: LdapReadContext) {
  const { settings, connection, ids, binary, memberAttribute, userFilter, groupFilter, pages, withFormerId, userIdsByDn, forgetUserIds } =
    context;

  return { groups, groupMembers, groupsListing, findGroup, groupId, groupsOf };

  /** memberOf directories name the groups on the users: one paged pass over the users inverts it (group DN -> member ids). */
  async function membersFromMemberOf(): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>();
    for await (const page of pages(settings.userSearchBase, { filter: userFilter(), attributes: ["memberOf", ids.attribute] })) {
      for (const entry of page) {
        for (const group of dns(entry, "memberOf")) {
          const key = group.toLowerCase();
          members.set(key, [...(members.get(key) ?? []), ids.of(entry)]);
        }
      }
    }
    return members;
  }

  async function* groups() {
    const base = settings.groupSearchBase;
    if (!base) return;
    const byMemberOf = memberAttribute ? null : await membersFromMemberOf();
    const byDn = memberAttribute ? await userIdsByDn() : null;
    forgetUserIds();
    const nesting = settings.nestedGroups;
    // Nested groups in a memberOf directory: a group's own memberOf names the groups it is in.
    const links = memberAttribute ?? (nesting ? "memberOf" : null);
    const attributes = [settings.groupNameAttribute, ids.attribute, ...(links ? [links] : [])];
    const held: ReadGroup[] = [];
    for await (const page of pages(base, { filter: groupFilter(), attributes })) {
      const read = (await Promise.all(page.map((entry) => readGroup(entry, byDn, byMemberOf)))).flatMap((g) => g ?? []);
      // Without nesting each page is final as read; with it, an outer group's members are known after the last page.
      if (nesting) held.push(...read);
      else yield read.map(directoryGroup);
    }
    if (!nesting || held.length === 0) return;
    const direct = new Map(held.map((g) => [g.dn, g.memberIds]));
    const linked = new Map(held.map((g) => [g.dn, g.groupDns.filter((dn) => direct.has(dn))]));
    const members = withNestedMembers(direct, memberAttribute ? linked : childrenOf(linked));
    for (let i = 0; i < held.length; i += settings.pageSize) {
      yield held.slice(i, i + settings.pageSize).map((g) => directoryGroup({ ...g, memberIds: members.get(g.dn) ?? g.memberIds }));
    }
  }

  async function groupMembers(dn: string): Promise<string[] | null> {
    const entries = await search(connection, dn, { scope: "base", filter: groupFilter(), attributes: [memberAttribute ?? "member"] });
    return entries[0] ? memberValues(entries[0], memberAttribute ?? "member") : null;
  }

  async function groupsListing(userDn: string): Promise<{ dn: string; members: string[] }[]> {
    if (!settings.groupSearchBase) return [];
    const attribute = memberAttribute ?? "member";
    const filter = groupFilter(`(${attribute}=${escapeFilterValue(userDn)})`);
    const entries = await search(
      connection,
      settings.groupSearchBase,
      {
        filter,
        attributes: [attribute],
        paged: { pageSize: settings.pageSize },
      },
      "base",
    );
    return Promise.all(entries.map(async (entry) => ({ dn: normalizeDn(entry.dn), members: await memberValues(entry, attribute) })));
  }

  async function groupId(dn: string): Promise<string | null> {
    const entries = await search(connection, dn, { scope: "base", filter: groupFilter(), attributes: [ids.attribute], ...binary });
    return entries[0] ? ids.of(entries[0]) : null;
  }

  async function findGroup(externalId: string): Promise<DirectoryGroupMembers | null> {
    const base = settings.groupSearchBase;
    const term = ids.isDn(externalId) ? null : ids.filter(externalId);
    const attribute = memberAttribute ?? "member";
    const attributes = [settings.groupNameAttribute, ids.attribute, attribute];
    const entries = !base
      ? []
      : ids.isDn(externalId)
        ? await search(connection, externalId, { scope: "base", filter: groupFilter(), attributes, ...binary })
        : term
          ? await search(connection, base, { filter: groupFilter(term), attributes, ...binary }, "base")
          : [];
    const entry = entries[0];
    const name = entry && first(entry, settings.groupNameAttribute);
    if (!entry || name === undefined) return null;
    return { externalId: ids.of(entry), name, memberIds: await memberIdsOf(entry) };
  }

  /** The ids of a group's members that are users of this store (as a full sync counts them). */
  async function memberIdsOf(group: Entry): Promise<string[]> {
    if (!memberAttribute) {
      const filter = userFilter(`(memberOf=${escapeFilterValue(group.dn)})`);
      const options = { filter, attributes: [ids.attribute], paged: { pageSize: settings.pageSize }, ...binary };
      return (await search(connection, settings.userSearchBase, options, "base")).map((entry) => ids.of(entry));
    }
    const members = await memberValues(group, memberAttribute);
    const found: string[] = [];
    for (let i = 0; i < members.length; i += MEMBER_READS_AT_ONCE) {
      const reads = members
        .slice(i, i + MEMBER_READS_AT_ONCE)
        .map((dn) => search(connection, dn, { scope: "base", filter: userFilter(), attributes: [ids.attribute], ...binary }));
      for (const entries of await Promise.all(reads)) if (entries[0]) found.push(ids.of(entries[0]));
    }
    return found;
  }

  /**
   * A group as one page of a sync reads it: its user members' ids and `groupDns`, the groups
   * linked to it (member values that are not users of this store; or, with memberOf, the groups
   * it is in), lower-cased. Null for an entry without a name.
   */
  async function readGroup(entry: Entry, byDn: Map<string, string> | null, byMemberOf: Map<string, string[]> | null) {
    const name = first(entry, settings.groupNameAttribute);
    if (name === undefined) return null;
    const dn = normalizeDn(entry.dn).toLowerCase();
    const group = withFormerId(entry, { externalId: ids.of(entry), name, dn, memberIds: [] as string[], groupDns: [] as string[] });
    if (!memberAttribute) {
      group.memberIds = byMemberOf?.get(dn) ?? [];
      if (settings.nestedGroups) group.groupDns = dns(entry, "memberOf").map((d) => d.toLowerCase());
      return group;
    }
    // Members that are not users of this store (outside the user base, other groups) are not members.
    for (const member of await memberValues(entry, memberAttribute)) {
      const id = byDn?.get(member.toLowerCase());
      if (id !== undefined) group.memberIds.push(id);
      else if (settings.nestedGroups) group.groupDns.push(member.toLowerCase());
    }
    return group;
  }

  /** Every value of a group's member attribute, through Active Directory's ranges (ldap-ranges.ts). */
  async function memberValues(entry: Entry, attribute: string): Promise<string[]> {
    const read = async (dn: string, ranged: string) => (await search(connection, dn, { scope: "base", attributes: [ranged] }))[0];
    return (await allRangedValues(entry, attribute, all(entry, attribute), read)).map(normalizeDn);
  }

  /**
   * The ids of the user's groups, read live at sign-in: the groups naming them, and with
   * nestedGroups the groups naming those, one search a level (member) or one read a group
   * (memberOf), to MAX_GROUP_NESTING levels; a group already found is not followed again.
   */
  async function groupsOf(user: Entry): Promise<string[]> {
    const base = settings.groupSearchBase;
    if (!base) return [];
    const levels = settings.nestedGroups ? MAX_GROUP_NESTING : 0;
    const found = new Map<string, string>();
    let frontier = memberAttribute ? await groupsNaming([user.dn]) : await groupsAt(dns(user, "memberOf"));
    for (let level = 0; ; level++) {
      const fresh = frontier.filter((g) => !found.has(g.key));
      for (const g of fresh) found.set(g.key, g.id);
      if (level >= levels || fresh.length === 0) break;
      frontier = memberAttribute
        ? await groupsNaming(fresh.map((g) => g.dn))
        : await groupsAt(fresh.flatMap((g) => g.parents).filter((dn) => !found.has(dn.toLowerCase())));
    }
    return [...found.values()];
  }

  function liveGroup(entry: Entry): LiveGroup {
    const parents = settings.nestedGroups ? dns(entry, "memberOf") : [];
    return { key: normalizeDn(entry.dn).toLowerCase(), dn: entry.dn, id: ids.of(entry), parents };
  }

  /** The groups in the group base whose member attribute names one of `memberDns`, a search per IDS_PER_SEARCH of them. */
  async function groupsNaming(memberDns: readonly string[]): Promise<LiveGroup[]> {
    const out: LiveGroup[] = [];
    for (let i = 0; i < memberDns.length; i += IDS_PER_SEARCH) {
      const terms = memberDns.slice(i, i + IDS_PER_SEARCH).map((dn) => `(${memberAttribute}=${escapeFilterValue(dn)})`);
      const filter = groupFilter(terms.length === 1 ? terms[0] : `(|${terms.join("")})`);
      const options = { filter, attributes: [ids.attribute], paged: { pageSize: settings.pageSize }, ...binary };
      out.push(...(await search(connection, settings.groupSearchBase!, options, "base")).map(liveGroup));
    }
    return out;
  }

  /** The groups at these DNs (a user's or a group's memberOf) that are in the group base: a user is in a few, read one entry each. */
  async function groupsAt(groupDns: readonly string[]): Promise<LiveGroup[]> {
    const base = normalizeDn(settings.groupSearchBase!).toLowerCase();
    const attributes = [ids.attribute, ...(settings.nestedGroups ? ["memberOf"] : [])];
    const inBase = groupDns.filter((dn) => normalizeDn(dn).toLowerCase().endsWith(base));
    const read = await Promise.all(
      inBase.map(async (dn) => (await search(connection, dn, { scope: "base", filter: groupFilter(), attributes, ...binary }))[0]),
    );
    return read.flatMap((entry) => (entry ? [liveGroup(entry)] : []));
  }
}

type LiveGroup = { key: string; dn: string; id: string; parents: string[] };
type ReadGroup = DirectoryGroupMembers & { dn: string; groupDns: string[] };

/** The group as the Directory interface hands it on: without the DN and links only the nesting needed. */
function directoryGroup({ dn: _dn, groupDns: _links, ...group }: ReadGroup): DirectoryGroupMembers {
  return group;
}
