import { type Client, type Entry, NoSuchObjectError, ResultCodeError, type SearchOptions } from "ldapts";
import { AppError } from "../../../errors.ts";
import type { DirectoryGroupMembers, DirectoryUser } from "../directory.ts";
import { MAX_GROUP_NESTING, type LdapSettings } from "../settings.ts";
import type { LdapConnection } from "./ldap-connection.ts";
import { normalizeDn } from "./ldap-dn.ts";
import { ldapError } from "./ldap-errors.ts";
import { equalityFilter, escapeFilterValue } from "./ldap-escape.ts";
import { ldapIds } from "./ldap-ids.ts";
import { childrenOf, withNestedMembers } from "./ldap-nesting.ts";
import { allRangedValues } from "./ldap-ranges.ts";

/** The reads of an LDAP directory: paged lists for the mirror's full sync, and the live look-up at sign-in. */
export type LdapReads = {
  users(): AsyncIterable<DirectoryUser[]>;
  groups(): AsyncIterable<DirectoryGroupMembers[]>;
  findUser(username: string): Promise<(DirectoryUser & { groupIds: string[] }) | null>;
  /** The user entry at `dn`, read back after a write; null when it is not a user of this store. */
  readUser(dn: string): Promise<DirectoryUser | null>;
  /** The member DNs of the group at `dn` (member / uniqueMember), or null when there is no such group. */
  groupMembers(dn: string): Promise<string[] | null>;
  /** The groups whose member attribute (member when the users carry memberOf) names `userDn`, with their members. */
  groupsListing(userDn: string): Promise<{ dn: string; members: string[] }[]>;
  /** The DNs of the users or groups with these externalIds (ids missing from the directory are absent). */
  dnsOf(kind: "user" | "group", ids: readonly string[]): Promise<Map<string, string>>;
  /** The externalId of the group at `dn`, or null when there is no such group. */
  groupId(dn: string): Promise<string | null>;
  /** One group by externalId with its members' ids, read live; null when it is gone. */
  findGroup(externalId: string): Promise<DirectoryGroupMembers | null>;
};

// Member DNs read at once when one group is read back: a compensation's read, never a sync's.
const MEMBER_READS_AT_ONCE = 20;

// Ids per filter when resolving externalIds to DNs: (|(entryUUID=...)...) stays well under servers' request limits.
const IDS_PER_SEARCH = 100;

export function ldapReads(settings: LdapSettings, connection: LdapConnection): LdapReads {
  const ids = ldapIds(settings.uniqueIdAttribute);
  const binary = ids.binary ? { explicitBufferAttributes: [ids.attribute] } : {};
  const userAttributes = [settings.userNameAttribute, ids.attribute, ...Object.values(settings.claimAttributes)];
  // DN -> externalId of every user the last full read saw: group members are DNs, the mirror names users by id.
  let lastUserIds: Map<string, string> | null = null;
  const memberAttribute = groupMemberAttribute(settings);
  const userFilter = (extra = "") => `(&${parenthesized(settings.userListFilter)}${extra})`;
  const groupFilter = (extra = "") => `(&${equalityFilter("objectClass", settings.groupObjectClass)}${extra})`;

  const toUser = (entry: Entry): DirectoryUser | null => {
    const username = first(entry, settings.userNameAttribute);
    if (username === undefined) return null;
    const claims: Record<string, string> = {};
    for (const [claim, attribute] of Object.entries(settings.claimAttributes)) {
      const value = first(entry, attribute);
      if (value !== undefined) claims[claim] = value;
    }
    return withFormerId(entry, { externalId: ids.of(entry), username, claims });
  };
  /** The DN an entry was named by before ids were stable, so the mirror adopts its row (docs/ldap.md, Identities). */
  const withFormerId = <T extends { externalId: string }>(entry: Entry, named: T): T & { formerId?: string } => {
    const dn = normalizeDn(entry.dn);
    return named.externalId === dn ? named : { ...named, formerId: dn };
  };

  async function* pages(base: string, options: SearchOptions): AsyncGenerator<Entry[]> {
    const client = await connection.run(async (c) => c, "read");
    try {
      for await (const page of client.searchPaginated(base, {
        scope: "sub",
        ...binary,
        ...options,
        paged: { pageSize: settings.pageSize },
      })) {
        yield page.searchEntries;
      }
    } catch (error) {
      if (error instanceof NoSuchObjectError) throw missingBase(base);
      if (!(error instanceof ResultCodeError)) connection.discard();
      throw ldapError(error);
    }
  }

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

  /** The users' ids by DN: from the full read of the users a sync has just done, or else from a pass reading only the ids. */
  async function userIdsByDn(): Promise<Map<string, string>> {
    if (lastUserIds) return lastUserIds;
    const byDn = new Map<string, string>();
    for await (const page of pages(settings.userSearchBase, { filter: userFilter(), attributes: [ids.attribute] })) {
      for (const entry of page) byDn.set(normalizeDn(entry.dn).toLowerCase(), ids.of(entry));
    }
    return byDn;
  }

  return {
    async *users() {
      const byDn = new Map<string, string>();
      lastUserIds = null;
      for await (const page of pages(settings.userSearchBase, { filter: userFilter(), attributes: userAttributes })) {
        for (const entry of page) byDn.set(normalizeDn(entry.dn).toLowerCase(), ids.of(entry));
        yield page.map(toUser).filter((user): user is DirectoryUser => user !== null);
      }
      lastUserIds = byDn;
    },

    async *groups() {
      const base = settings.groupSearchBase;
      if (!base) return;
      const byMemberOf = memberAttribute ? null : await membersFromMemberOf();
      const byDn = memberAttribute ? await userIdsByDn() : null;
      lastUserIds = null;
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
    },

    async findUser(username) {
      if (!username) return null;
      const attributes = [...userAttributes, ...(memberAttribute ? [] : ["memberOf"])];
      const filter = userFilter(equalityFilter(settings.userNameAttribute, username));
      const entries = await search(connection, settings.userSearchBase, { filter, attributes, ...binary }, "base");
      // Two entries answering to one name is a directory to fix, not a user to guess.
      if (entries.length !== 1) return null;
      const user = toUser(entries[0]!);
      if (!user) return null;
      return { ...user, groupIds: await groupsOf(entries[0]!) };
    },

    async readUser(dn) {
      const entries = await search(connection, dn, { scope: "base", filter: userFilter(), attributes: userAttributes, ...binary });
      return entries[0] ? toUser(entries[0]) : null;
    },

    async groupMembers(dn) {
      const entries = await search(connection, dn, { scope: "base", filter: groupFilter(), attributes: [memberAttribute ?? "member"] });
      return entries[0] ? memberValues(entries[0], memberAttribute ?? "member") : null;
    },

    async groupsListing(userDn) {
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
    },

    async dnsOf(kind, wanted) {
      const base = kind === "user" ? settings.userSearchBase : settings.groupSearchBase;
      const filter = kind === "user" ? userFilter : groupFilter;
      const found = new Map<string, string>();
      const byValue = [...new Set(wanted)].filter((id) => !ids.isDn(id));
      for (let i = 0; base && i < byValue.length; i += IDS_PER_SEARCH) {
        const terms = byValue.slice(i, i + IDS_PER_SEARCH).flatMap((id) => ids.filter(id) ?? []);
        if (terms.length === 0) continue;
        const options = {
          filter: filter(`(|${terms.join("")})`),
          attributes: [ids.attribute],
          paged: { pageSize: settings.pageSize },
          ...binary,
        };
        for (const entry of await search(connection, base, options, "base")) found.set(ids.of(entry), normalizeDn(entry.dn));
      }
      // Entries named by their DN (a server without the unique id attribute) are their own DN, if they still exist.
      for (const id of wanted) if (ids.isDn(id) && !found.has(id)) found.set(id, normalizeDn(id));
      return found;
    },

    findGroup,

    async groupId(dn) {
      const entries = await search(connection, dn, { scope: "base", filter: groupFilter(), attributes: [ids.attribute], ...binary });
      return entries[0] ? ids.of(entries[0]) : null;
    },
  };

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

/** The attribute a group lists its members in, or null when the users carry memberOf instead. */
export function groupMemberAttribute(settings: LdapSettings): "member" | "uniqueMember" | null {
  return settings.membershipAttribute === "memberOf" ? null : settings.membershipAttribute;
}

/** A search; when `base` is missing, an entry read (`entry`) finds nothing, a configured search base (`base`) is an outage. */
async function search(
  connection: LdapConnection,
  base: string,
  options: SearchOptions,
  missing: "entry" | "base" = "entry",
): Promise<Entry[]> {
  return connection.run(async (client: Client) => {
    try {
      return (await client.search(base, { scope: "sub", ...options })).searchEntries;
    } catch (error) {
      if (error instanceof NoSuchObjectError) {
        if (missing === "entry") return [];
        throw missingBase(base);
      }
      throw error;
    }
  }, "read");
}

function missingBase(base: string): AppError {
  return new AppError("STORE_UNAVAILABLE", `The LDAP search base ${base} does not exist: check the store's settings.`);
}

function parenthesized(filter: string): string {
  return filter.startsWith("(") ? filter : `(${filter})`;
}

/** Attribute names in entries keep the server's spelling (givenName vs givenname): matched case-insensitively. */
function values(entry: Entry, attribute: string): unknown {
  if (attribute in entry) return entry[attribute];
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  return key === undefined ? undefined : entry[key];
}

export function all(entry: Entry, attribute: string): string[] {
  const value = values(entry, attribute);
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v)));
}

/** DN-valued attributes (member, memberOf) in the one spelling externalIds use. */
function dns(entry: Entry, attribute: string): string[] {
  return all(entry, attribute).map(normalizeDn);
}

function first(entry: Entry, attribute: string): string | undefined {
  return all(entry, attribute)[0];
}
