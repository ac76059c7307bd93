import { AppError } from "../../errors.ts";

/**
 * What Gatehouse asks of an external user store (#13): an LDAP directory or a WSO2 JDBC user
 * database. Gatehouse mirrors the directory's users and groups into its own User, Role and
 * Membership rows (sync.ts), so lists, searches, the permission tree and the decision API run
 * on Gatehouse's indexes whichever store a user lives in; sign-in and every write go to the
 * directory itself, live. See docs/user-stores.md.
 *
 * Identities: `externalId` is the directory's stable name for an entry (an LDAP DN, a WSO2
 * UM_ID); `username`/`name` is what admins type, without the store's domain.
 *
 * Failures: a directory that cannot be reached, refuses the bind, or does not answer within
 * its timeouts throws AppError("STORE_UNAVAILABLE") with a message safe to show an admin (no
 * secrets); a write the directory refuses because of the data throws CONFLICT or INVALID_INPUT.
 */
/**
 * `formerId`: the id the mirror may still hold for this entry from before the store named it
 * by a stable id (an LDAP DN, before entryUUID): the sync moves that row to `externalId`.
 */
export type DirectoryUser = { externalId: string; username: string; claims: Record<string, string>; formerId?: string };
export type DirectoryGroup = { externalId: string; name: string; formerId?: string };
/** A group with its members, as a full sync reads it: members are users' externalIds. */
export type DirectoryGroupMembers = DirectoryGroup & { memberIds: string[] };

/** One step of "Test connection", in order: connect, bind, find the bases, read a page of users. */
export type ConnectionStep = { step: string; ok: boolean; detail: string; ms: number };

export interface Directory {
  readonly readOnly: boolean;
  /** Runs the connection checks in order and stops at the first failure; never throws. */
  test(): Promise<ConnectionStep[]>;
  /** Every user, in pages (RFC 2696 paged results for LDAP; keyset pages for JDBC). */
  users(): AsyncIterable<DirectoryUser[]>;
  /** Every group with its members, in pages; a group of 5,000 members is one entry, not 5,000 reads. */
  groups(): AsyncIterable<DirectoryGroupMembers[]>;
  /** The user a sign-in names, with the externalIds of their groups, read live; null when absent. */
  findUser(username: string): Promise<(DirectoryUser & { groupIds: string[] }) | null>;
  /** One group with its members, read live (a write's compensation, docs/user-stores.md); null when absent. */
  findGroup(externalId: string): Promise<DirectoryGroupMembers | null>;
  /** Checks a password against the directory (an LDAP bind as the user; WSO2's salted hash). */
  authenticate(externalId: string, password: string): Promise<boolean>;

  /** Writes: a read-only directory throws FORBIDDEN from each. */
  createUser(user: { username: string; password: string; claims: Record<string, string> }): Promise<DirectoryUser>;
  setPassword(externalId: string, password: string): Promise<void>;
  setClaims(externalId: string, claims: Record<string, string>): Promise<void>;
  deleteUser(externalId: string): Promise<void>;
  /** An LDAP groupOfNames must have a member: creating one without `memberIds` is refused, as WSO2 does. */
  createGroup(name: string, memberIds?: readonly string[]): Promise<DirectoryGroup>;
  /** Renames a group in place: its externalId stays (LDAP modrdn keeps entryUUID; WSO2 keeps UM_ID). */
  renameGroup(externalId: string, name: string): Promise<DirectoryGroup>;
  deleteGroup(externalId: string): Promise<void>;
  addMembers(groupId: string, userIds: readonly string[]): Promise<void>;
  removeMembers(groupId: string, userIds: readonly string[]): Promise<void>;

  /** Releases connections; the directory may be used again afterwards (it reconnects). */
  close(): Promise<void>;
}

export type DirectoryWrites = Pick<
  Directory,
  "createUser" | "setPassword" | "setClaims" | "deleteUser" | "createGroup" | "renameGroup" | "deleteGroup" | "addMembers" | "removeMembers"
>;

/** A directory's writes as given, or, when the store is read-only, each refusing with FORBIDDEN and `refusal`. */
export function guardedWrites(writes: DirectoryWrites, readOnly: boolean, refusal: string): DirectoryWrites {
  const guard = <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    readOnly ? () => Promise.reject<R>(new AppError("FORBIDDEN", refusal)) : write;
  return {
    createUser: guard(writes.createUser),
    setPassword: guard(writes.setPassword),
    setClaims: guard(writes.setClaims),
    deleteUser: guard(writes.deleteUser),
    createGroup: guard(writes.createGroup),
    renameGroup: guard(writes.renameGroup),
    deleteGroup: guard(writes.deleteGroup),
    addMembers: guard(writes.addMembers),
    removeMembers: guard(writes.removeMembers),
  };
}
