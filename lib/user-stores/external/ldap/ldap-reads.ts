import { type Entry, NoSuchObjectError, ResultCodeError, type SearchOptions } from "ldapts";
import type { DirectoryGroupMembers, DirectoryUser } from "../directory.ts";
import type { LdapSettings } from "../settings.ts";
import type { LdapConnection } from "./ldap-connection.ts";
import { normalizeDn } from "./ldap-dn.ts";
import { first, IDS_PER_SEARCH, missingBase, search } from "./ldap-entries.ts";
import { ldapError } from "./ldap-errors.ts";
import { equalityFilter } from "./ldap-escape.ts";
import { ldapGroupReads } from "./ldap-group-reads.ts";
import { ldapIds } from "./ldap-ids.ts";

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

  /** The users' ids by DN: from the full read of the users a sync has just done, or else from a pass reading only the ids. */
  async function userIdsByDn(): Promise<Map<string, string>> {
    if (lastUserIds) return lastUserIds;
    const byDn = new Map<string, string>();
    for await (const page of pages(settings.userSearchBase, { filter: userFilter(), attributes: [ids.attribute] })) {
      for (const entry of page) byDn.set(normalizeDn(entry.dn).toLowerCase(), ids.of(entry));
    }
    return byDn;
  }

  const groupReads = ldapGroupReads({
    settings,
    connection,
    ids,
    binary,
    memberAttribute,
    userFilter,
    groupFilter,
    pages,
    withFormerId,
    userIdsByDn,
    forgetUserIds: () => {
      lastUserIds = null;
    },
  });

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

    groups: groupReads.groups,

    async findUser(username) {
      if (!username) return null;
      const attributes = [...userAttributes, ...(memberAttribute ? [] : ["memberOf"])];
      const filter = userFilter(equalityFilter(settings.userNameAttribute, username));
      const entries = await search(connection, settings.userSearchBase, { filter, attributes, ...binary }, "base");
      // Two entries answering to one name is a directory to fix, not a user to guess.
      if (entries.length !== 1) return null;
      const user = toUser(entries[0]!);
      if (!user) return null;
      return { ...user, groupIds: await groupReads.groupsOf(entries[0]!) };
    },

    async readUser(dn) {
      const entries = await search(connection, dn, { scope: "base", filter: userFilter(), attributes: userAttributes, ...binary });
      return entries[0] ? toUser(entries[0]) : null;
    },

    groupMembers: groupReads.groupMembers,
    groupsListing: groupReads.groupsListing,

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

    findGroup: groupReads.findGroup,
    groupId: groupReads.groupId,
  };
}

/** The attribute a group lists its members in, or null when the users carry memberOf instead. */
export function groupMemberAttribute(settings: LdapSettings): "member" | "uniqueMember" | null {
  return settings.membershipAttribute === "memberOf" ? null : settings.membershipAttribute;
}

function parenthesized(filter: string): string {
  return filter.startsWith("(") ? filter : `(${filter})`;
}
