import { createHash, randomBytes } from "node:crypto";
import { Attribute, BerWriter, Change, type Client, ProtocolError, UnwillingToPerformError } from "ldapts";
import { AppError } from "../../../errors.ts";
import { withoutUnmappedClears } from "../claim-map.ts";
import type { DirectoryGroup, DirectoryUser } from "../directory.ts";
import type { LdapSettings } from "../settings.ts";
import type { LdapConnection } from "./ldap-connection.ts";
import { normalizeDn, parentDn } from "./ldap-dn.ts";
import { escapeDnValue } from "./ldap-escape.ts";
import { groupMemberAttribute, type LdapReads } from "./ldap-reads.ts";

/** RFC 3062 Password Modify: the server hashes the password as it is configured to (slapd's password-hash). */
const PASSWORD_MODIFY_OID = "1.3.6.1.4.1.4203.1.11.1";
/** Object classes whose entries must name cn and sn (RFC 4519/2798): a new user gets both. */
const PERSON_CLASSES = new Set(["person", "organizationalperson", "inetorgperson"]);
/** Group classes whose member attribute is required (RFC 4519): they cannot be empty. */
const MEMBER_REQUIRED_CLASSES = new Set(["groupofnames", "groupofuniquenames"]);

export type LdapWrites = {
  createUser(user: { username: string; password: string; claims: Record<string, string> }): Promise<DirectoryUser>;
  setPassword(externalId: string, password: string): Promise<void>;
  setClaims(externalId: string, claims: Record<string, string>): Promise<void>;
  deleteUser(externalId: string): Promise<void>;
  createGroup(name: string, memberIds?: readonly string[]): Promise<DirectoryGroup>;
  renameGroup(externalId: string, name: string): Promise<DirectoryGroup>;
  deleteGroup(externalId: string): Promise<void>;
  addMembers(groupId: string, userIds: readonly string[]): Promise<void>;
  removeMembers(groupId: string, userIds: readonly string[]): Promise<void>;
};

export function ldapWrites(settings: LdapSettings, connection: LdapConnection, reads: LdapReads): LdapWrites {
  const write = <T>(op: (client: Client) => Promise<T>) => connection.run(op, "write");
  // memberOf directories (Active Directory, slapd's memberof overlay) are still written through the group's member.
  const memberAttribute = groupMemberAttribute(settings) ?? "member";
  const groupsMustHaveMembers = MEMBER_REQUIRED_CLASSES.has(settings.groupObjectClass.toLowerCase());

  const claimChanges = (claims: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [claim, value] of Object.entries(withoutUnmappedClears(claims, settings.claimAttributes))) {
      const attribute = settings.claimAttributes[claim];
      if (!attribute)
        throw new AppError("INVALID_INPUT", `The claim ${claim} is not mapped to an LDAP attribute in this store's settings.`);
      out[attribute] = value;
    }
    return out;
  };

  /** The DNs of entries named by externalId: NOT_FOUND when one is no longer in the directory. */
  const dnsOf = async (kind: "user" | "group", ids: readonly string[]): Promise<string[]> => {
    const found = await reads.dnsOf(kind, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new AppError("NOT_FOUND", `The LDAP ${kind} ${missing} does not exist.`);
    return ids.map((id) => found.get(id)!);
  };
  const dnOf = async (kind: "user" | "group", id: string) => (await dnsOf(kind, [id]))[0]!;

  const setPassword = async (dn: string, password: string) => {
    if (!password) throw new AppError("INVALID_INPUT", "A password cannot be empty.");
    if (settings.activeDirectory) {
      assertEncrypted(settings);
      const change = new Change({
        operation: "replace",
        modification: new Attribute({ type: "unicodePwd", values: [unicodePwd(password)] }),
      });
      await write((client) => client.modify(dn, change));
      return;
    }
    await write(async (client) => {
      try {
        await client.exop(PASSWORD_MODIFY_OID, passwordModifyRequest(dn, password));
      } catch (error) {
        // A server without RFC 3062 gets the value slapd would store, hashed here.
        if (!(error instanceof ProtocolError || error instanceof UnwillingToPerformError)) throw error;
        await client.modify(
          dn,
          new Change({ operation: "replace", modification: new Attribute({ type: "userPassword", values: [ssha(password)] }) }),
        );
      }
    });
  };

  return {
    async createUser({ username, password, claims }) {
      if (!username.trim()) throw new AppError("INVALID_INPUT", "A user name cannot be empty.");
      const dn = `${settings.userNameAttribute}=${escapeDnValue(username)},${settings.userSearchBase}`;
      const attributes: Record<string, string[]> = { objectClass: [settings.userObjectClass], [settings.userNameAttribute]: [username] };
      for (const [attribute, value] of Object.entries(claimChanges(claims))) if (value !== "") attributes[attribute] = [value];
      if (PERSON_CLASSES.has(settings.userObjectClass.toLowerCase())) {
        attributes.cn ??= [username];
        attributes.sn ??= [username];
      }
      await write((client) => client.add(dn, attributes));
      try {
        if (password) await setPassword(dn, password);
        const user = await reads.readUser(dn);
        if (!user)
          throw new AppError("INVALID_INPUT", `The new entry ${dn} does not match this store's user filter ${settings.userListFilter}.`);
        return user;
      } catch (error) {
        // A user without the password they were given is worse than no user: undo the add.
        await write((client) => client.del(dn)).catch(() => undefined);
        throw error;
      }
    },

    setPassword: async (externalId, password) => setPassword(await dnOf("user", externalId), password),

    async setClaims(externalId, claims) {
      const changes = Object.entries(claimChanges(claims)).map(
        ([type, value]) => new Change({ operation: "replace", modification: new Attribute({ type, values: value === "" ? [] : [value] }) }),
      );
      if (changes.length === 0) return;
      const dn = await dnOf("user", externalId);
      await write((client) => client.modify(dn, changes));
    },

    async deleteUser(externalId) {
      const dn = await dnOf("user", externalId);
      const groups = await groupsWithMember(dn);
      for (const group of groups) {
        if (groupsMustHaveMembers && group.members.length === 1)
          throw new AppError(
            "CONFLICT",
            `The user is the only member of ${group.dn}; an LDAP ${settings.groupObjectClass} cannot be left empty.`,
          );
      }
      for (const group of groups) await removeValues(group.dn, [group.value]);
      await write((client) => client.del(dn));
    },

    async createGroup(name, memberIds = []) {
      if (!settings.groupSearchBase)
        throw new AppError("INVALID_INPUT", "This LDAP store has no group search base, so it cannot hold groups.");
      if (!name.trim()) throw new AppError("INVALID_INPUT", "A group name cannot be empty.");
      // WSO2's ReadWriteLDAPUserStoreManager with EmptyRolesAllowed=false: "Can not create empty role".
      if (groupsMustHaveMembers && memberIds.length === 0)
        throw new AppError(
          "INVALID_INPUT",
          `An LDAP ${settings.groupObjectClass} needs at least one member: choose at least one user of this store for the group.`,
          { field: "userIds" },
        );
      const dn = `${settings.groupNameAttribute}=${escapeDnValue(name)},${settings.groupSearchBase}`;
      const attributes: Record<string, string[]> = { objectClass: [settings.groupObjectClass], [settings.groupNameAttribute]: [name] };
      if (memberIds.length > 0) attributes[memberAttribute] = [...new Set(await dnsOf("user", [...new Set(memberIds)]))];
      await write((client) => client.add(dn, attributes));
      const externalId = await reads.groupId(dn);
      if (externalId === null) throw new AppError("INVALID_INPUT", `The new group ${dn} does not match this store's group object class.`);
      return { externalId, name };
    },

    async renameGroup(externalId, name) {
      if (!name.trim()) throw new AppError("INVALID_INPUT", "A group name cannot be empty.");
      const dn = await dnOf("group", externalId);
      const rdn = `${settings.groupNameAttribute}=${escapeDnValue(name)}`;
      // modrdn: the entry keeps its entryUUID/objectGUID, so the mirror's row (by that id) is renamed, not replaced.
      await write((client) => client.modifyDN(dn, rdn));
      // Only a server without a unique id attribute names the group by its DN, which the rename changed.
      const renamed = await reads.groupId(`${rdn},${parentDn(dn)}`);
      return { externalId: renamed ?? externalId, name };
    },

    async deleteGroup(externalId) {
      const dn = await dnOf("group", externalId);
      await write((client) => client.del(dn));
    },

    async addMembers(externalId, userIds) {
      const groupId = await dnOf("group", externalId);
      const current = await membersOf(groupId);
      const known = new Set(current.map((dn) => dn.toLowerCase()));
      const userDns = await dnsOf("user", [...new Set(userIds)]);
      const added = [...new Set(userDns.map(normalizeDn))].filter((dn) => !known.has(dn.toLowerCase()));
      if (added.length === 0) return;
      await write((client) =>
        client.modify(groupId, new Change({ operation: "add", modification: new Attribute({ type: memberAttribute, values: added }) })),
      );
    },

    async removeMembers(externalId, userIds) {
      const groupId = await dnOf("group", externalId);
      const current = await membersOf(groupId);
      // A member already gone from the directory is not a member to remove.
      const found = await reads.dnsOf("user", [...new Set(userIds)]);
      const removing = new Set([...found.values()].map((dn) => normalizeDn(dn).toLowerCase()));
      const removed = current.filter((dn) => removing.has(dn.toLowerCase()));
      if (removed.length === 0) return;
      // WSO2 refuses to remove the last user of a role when empty roles are not allowed.
      if (groupsMustHaveMembers && removed.length === current.length)
        throw new AppError("CONFLICT", `An LDAP ${settings.groupObjectClass} needs at least one member: ${groupId} would be left empty.`);
      await removeValues(groupId, removed);
    },
  };

  async function membersOf(groupId: string): Promise<string[]> {
    const members = await reads.groupMembers(groupId);
    if (members === null) throw new AppError("NOT_FOUND", `The LDAP group ${groupId} does not exist.`);
    return members;
  }

  async function removeValues(groupId: string, values: string[]): Promise<void> {
    await write((client) =>
      client.modify(groupId, new Change({ operation: "delete", modification: new Attribute({ type: memberAttribute, values }) })),
    );
  }

  /** The groups listing `userDn` in their member attribute, with the exact value to remove. */
  async function groupsWithMember(userDn: string): Promise<{ dn: string; value: string; members: string[] }[]> {
    const groups = await reads.groupsListing(userDn);
    const key = normalizeDn(userDn).toLowerCase();
    return groups.flatMap(({ dn, members }) => {
      const value = members.find((member) => member.toLowerCase() === key);
      return value === undefined ? [] : [{ dn, value, members }];
    });
  }
}

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0] OCTET STRING, newPasswd [2] OCTET STRING } (RFC 3062). */
function passwordModifyRequest(dn: string, password: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(dn, 0x80);
  writer.writeString(password, 0x82);
  writer.endSequence();
  return writer.buffer;
}

/**
 * Active Directory's password value: the password in double quotes, as UTF-16LE bytes
 * ([MS-ADTS] 3.1.1.3.1.5.1 unicodePwd). AD hashes it itself; a replace is an administrator's reset.
 */
export function unicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, "utf16le");
}

/** AD refuses unicodePwd over a connection that is not encrypted (LDAP error 53); say why before asking it. */
export function assertEncrypted(settings: Pick<LdapSettings, "urls" | "startTls">): void {
  if (settings.startTls || settings.urls.every((url) => url.toLowerCase().startsWith("ldaps:"))) return;
  throw new AppError(
    "CONFLICT",
    "Active Directory accepts passwords only over an encrypted connection: use ldaps:// URLs or turn StartTLS on in this store's settings.",
  );
}

/** OpenLDAP's {SSHA}: base64(SHA-1(password + salt) + salt). */
function ssha(password: string): string {
  const salt = randomBytes(8);
  return `{SSHA}${Buffer.concat([createHash("sha1").update(password).update(salt).digest(), salt]).toString("base64")}`;
}
