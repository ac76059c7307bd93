import { guardedWrites, type Directory } from "../directory.ts";
import type { LdapSettings } from "../settings.ts";
import { ldapConnection } from "./ldap-connection.ts";
import { normalizeDn } from "./ldap-dn.ts";
import { ldapReads } from "./ldap-reads.ts";
import { testLdapConnection } from "./ldap-test-connection.ts";
import { ldapWrites } from "./ldap-writes.ts";

/**
 * An LDAP directory (OpenLDAP, Active Directory, 389 DS, ...) as an external user store, with
 * WSO2's LDAP user store properties (docs/ldap.md). Reads page with RFC 2696; every name that
 * reaches a filter or a DN is escaped (ldap-escape.ts); writes are refused on a read-only store.
 */
export function createLdapDirectory(settings: LdapSettings, readOnly: boolean): Directory {
  const connection = ldapConnection(settings);
  const reads = ldapReads(settings, connection);
  const writes = ldapWrites(settings, connection, reads);
  const userBase = `,${normalizeDn(settings.userSearchBase).toLowerCase()}`;
  const inUserBase = (dn: string) => normalizeDn(dn).toLowerCase().endsWith(userBase);
  return {
    readOnly,
    test: () => testLdapConnection(settings),
    users: () => reads.users(),
    groups: () => reads.groups(),
    findUser: (username) => reads.findUser(username),
    findGroup: (externalId) => reads.findGroup(externalId),
    // Only entries under the user base sign in: a DN elsewhere (the service account's) never binds here.
    // A bind needs the DN: the user's id is looked up first (a rename since the last sync is followed).
    authenticate: async (externalId, password) => {
      if (!password) return false;
      const dn = (await reads.dnsOf("user", [externalId])).get(externalId);
      return dn !== undefined && inUserBase(dn) && connection.bindAs(dn, password);
    },
    ...guardedWrites(writes, readOnly, "This LDAP user store is read-only."),
    close: () => connection.close(),
  };
}
