import type { RowCount } from "../core/row-count.ts";
import type { Db, Tx } from "../db/client.ts";
import type { KeysetPage } from "../keyset.ts";
import type { StoreRow } from "../stores/list-stores.ts";
import type { NamePattern } from "../stores/name-pattern.ts";

/**
 * WSO2's UserStoreManager idea: users, their credentials and their group memberships are read
 * and written through one of these per store type, so nothing above lib/user-stores assumes
 * where users live. The database store (database-store.ts) is the first; #13 adds LDAP and
 * WSO2's JDBC schema behind the same type.
 *
 * Transactions: reads take the Gatehouse client or transaction they run on. Writes take the
 * caller's `Tx`, so for the database store the write and its audit event commit together. An
 * external store does its own I/O inside the call and ignores `tx` for it; the caller's
 * transaction then holds only Gatehouse's rows (audit, sessions, hybrid memberships), and
 * the audit event commits only once the store's call has succeeded.
 *
 * Roles: every store's users may hold Gatehouse's hybrid roles (Internal/*, Application/*), whose
 * memberships Gatehouse keeps for every store (hybrid-memberships.ts), as WSO2 does. A store's
 * own groups (its domain's roles) come from the store. The database store keeps its groups as
 * Gatehouse role rows too, which `groupsInGatehouse` says, so one query answers both (rolesOfUsers in roles-of-users.ts).
 *
 * Failures are AppErrors with the usual codes (NOT_FOUND, CONFLICT, STALE_VERSION, FORBIDDEN for
 * a read-only store). How an unreachable store fails is #13's to add (its own code, not a crash).
 */
export type UserStore = {
  /** The store row's type this implementation serves ("database"; #13: "ldap", "jdbc"). */
  readonly type: string;
  /** The store's groups are Gatehouse role rows, so hybrid-memberships.ts answers for them too. */
  readonly groupsInGatehouse: boolean;
  capabilities(store: StoreRef): StoreCapabilities;

  /** One keyset page, filtered and ordered by the store; the cursor is opaque to callers. */
  listUsers(client: Reader, tenantId: number, params: UserPageParams): Promise<KeysetPage<StoreUser>>;
  /** How many users listUsers would return over all pages (the MI's unpaged lists). */
  countUsers(client: Reader, tenantId: number, query: UserQuery): Promise<number>;
  /** The pager's total: exact up to 1,000, then an estimate or "more than" (lib/db/estimate-count.ts). */
  estimateUsers(client: Reader, tenantId: number, query: UserQuery): Promise<RowCount>;
  /** One user with claims and lock state, or null. */
  getUser(client: Reader, tenantId: number, id: number): Promise<StoreUserDetail | null>;
  /** The claims of these users (the tenant's only), by user id, in one statement whatever the count: the export's batches. */
  claimsOfUsers(client: Reader, tenantId: number, ids: readonly number[]): Promise<Map<number, Record<string, string>>>;
  /** The users among these ids, in one round trip; missing ids are simply absent. */
  getUsers(client: Reader, tenantId: number, ids: readonly number[]): Promise<StoreUser[]>;
  /** The user of this store with this name (matched as the store matches names), or null. */
  findUser(client: Reader, tenantId: number, store: StoreRef, username: string): Promise<StoreUser | null>;
  /** Refuses (CONFLICT) a new name that is, or looks like, another user's in the store. */
  assertUsernameFree(client: Reader, tenantId: number, store: StoreRef, username: string): Promise<void>;
  /** The account a sign-in names in this store, or null. */
  findLogin(client: Reader, tenantId: number, store: StoreRef, username: string): Promise<LoginAccount | null>;
  /** The same for a user already known by id (a signed-in user changing their password). */
  loginById(client: Reader, tenantId: number, id: number): Promise<LoginAccount | null>;
  /** Checks a password; `rehash` asks the caller to store a stronger form with `rehash`, on success. */
  authenticate(account: LoginAccount, password: string): Promise<{ ok: boolean; rehash?: Rehash }>;

  /**
   * The roles each user holds through this store's groups (and, if groupsInGatehouse, the hybrid roles too); callers use
   * roles-of-users.ts.
   */
  rolesOfUsers(client: Reader, tenantId: number, userIds: readonly number[]): Promise<Map<number, HeldRole[]>>;
  /** One keyset page of a role's members, and their count. */
  usersOfRole(client: Reader, tenantId: number, role: RoleRef, params: MemberPageParams): Promise<KeysetPage<StoreUser>>;
  countUsersOfRole(client: Reader, tenantId: number, role: RoleRef, query: UserQuery): Promise<number>;
  estimateUsersOfRole(client: Reader, tenantId: number, role: RoleRef, query: UserQuery): Promise<RowCount>;

  /** Slow work (hashing) done before the transaction opens, so it never holds a lock. */
  preparePassword(password: string): Promise<PreparedPassword>;
  createUser(tx: Tx, tenantId: number, store: StoreRef, user: NewStoreUser): Promise<{ id: number }>;
  /** Compare-and-increment of the user's version (STALE_VERSION), with the password change if given. */
  updateUser(tx: Tx, tenantId: number, id: number, change: UserChange): Promise<void>;
  /**
   * Replaces a stored password with a stronger form of the same one, no version change; only while
   * the stored hash is still `replaces`, so a password set meanwhile is never overwritten.
   */
  rehash(tx: Tx, tenantId: number, id: number, password: Rehash): Promise<void>;
  /** The version as a write's first statement: concurrent edits of one user queue (see database-writes.ts). */
  lockUser(tx: Tx, tenantId: number, id: number, expectedVersion?: number): Promise<void>;
  /** Sets the given claims; an empty value removes the claim. */
  setClaims(tx: Tx, userId: number, claims: Record<string, string>): Promise<void>;
  deleteUsers(tx: Tx, tenantId: number, ids: readonly number[]): Promise<number>;
  /** Adds group memberships that do not exist yet and returns those it added. */
  addToGroups(tx: Tx, pairs: readonly MembershipPair[]): Promise<MembershipPair[]>;
  removeFromGroups(tx: Tx, pairs: { userIds: readonly number[]; roleIds: readonly number[] }): Promise<number>;
  /** Bulk import's writes: set-based for the database store, one entry at a time for a directory (directory-bulk-import.ts). */
  readonly bulkImporter?: BulkImporter;
};

/**
 * A user a bulk import writes: the hash is final (argon2id, or a recognised pre-hashed form);
 * for an importer with `passwordsInClear` (a directory hashes its own) `password` holds the
 * password itself, in memory only, and the hash is empty.
 */
export type ImportedUser = {
  username: string;
  passwordHash: string;
  password?: string;
  mustChangePassword: boolean;
  claims: Record<string, string>;
  roleIds: readonly number[];
};

/** A user whose name a chunk's names equal or look like, by key and TR39 skeleton. */
export type NameConflict = { id: number; username: string; usernameKey: string; usernameSkeleton: string; version: number };

export type BulkImporter = {
  /** Rows per chunk (one transaction) when not the job's default: a directory writes entry by entry. */
  readonly chunkRows?: number;
  /** The store wants each password in clear and no pre-hashed one (a directory); every new user needs one. */
  readonly passwordsInClear?: boolean;
  conflicts(client: Reader, tenantId: number, storeId: number, names: readonly string[]): Promise<NameConflict[]>;
  /**
   * Inserts the users, their claims and memberships in the caller's transaction; ids in input
   * order. A directory's writes cannot roll back with it: the importer undoes them when it does.
   */
  insert(tx: Tx, tenantId: number, storeId: number, users: readonly ImportedUser[]): Promise<number[]>;
};

export type Reader = Db | Tx;

/** What a caller may ask of a store; a store that cannot do something refuses it with FORBIDDEN. */
export type StoreCapabilities = {
  readOnly: boolean;
  canChangePassword: boolean;
  canEditClaims: boolean;
};

/** A store row as userStoreFor needs it. Without `type` (rows built by hand) it is a database store. */
export type StoreRef = Pick<StoreRow, "id" | "domain" | "kind" | "readOnly"> & { type?: string; enabled?: boolean };
export type RoleRef = { id: number; memberCount: number };

/** `lockedUntil` and `disabledAt` are Gatehouse's account state on the user's row, for every store. */
export type StoreUser = {
  id: number;
  version: number;
  username: string;
  storeId: number;
  domain: string;
  readOnly: boolean;
  lockedUntil: Date | null;
  disabledAt: Date | null;
};
export type StoreUserDetail = StoreUser & { lastSignInAt: Date | null; createdAt: Date; claims: Record<string, string> };
/** `hybrid`: an Internal/* or Application/* role, whose memberships Gatehouse keeps for every store. */
export type HeldRole = {
  id: number;
  name: string;
  domain: string;
  kind: string;
  readOnly: boolean;
  /** Mirrors a group of an LDAP or JDBC store. */
  external: boolean;
  hybrid: boolean;
  grants: string[];
};
export type MembershipPair = { userId: number; roleId: number };

/**
 * Filters with WSO2 `*` patterns on the username (or one parsed already: the console's search,
 * lib/stores/name-search.ts); a claim filter matches one claim's value the same way.
 */
export type UserQuery = { pattern?: string | NamePattern; storeId?: number; claim?: string; claimValue?: string };
export type UserPageParams = UserQuery & {
  sort: "username" | "domain";
  dir: "asc" | "desc";
  size: number;
  after?: string;
  before?: string;
};
export type MemberPageParams = Pick<UserQuery, "pattern" | "storeId"> & { size: number; after?: string; before?: string };

/** `handle` is what the store checks the password against: a hash here, a DN for LDAP. */
export type LoginAccount = { id: number; handle: string };
/**
 * `stored`: what Gatehouse keeps (an argon2id hash). `forDirectory`: the password itself, kept
 * in memory only, for a user whose password an external directory keeps (it is never stored).
 */
export type PreparedPassword = { readonly stored: string; readonly forDirectory?: string };
/** A stronger hash of the password just verified (`stored`), and the hash it verified against (`replaces`). */
export type Rehash = { readonly stored: string; readonly replaces: string };
/**
 * `mustChangePassword`: set with an unusable password (provisioned without one; database stores only).
 * `claims`: the profile the user is created with, in the same write (a directory's one add), so a
 * value the directory refuses leaves no user behind.
 */
export type NewStoreUser = {
  username: string;
  password: PreparedPassword;
  mustChangePassword?: boolean;
  roleIds: readonly number[];
  claims?: Readonly<Record<string, string>>;
};
export type UserChange = {
  version: number;
  /** `clearLockout`: an administrator's reset makes old guesses moot. */
  password?: { value: PreparedPassword; mustChange: boolean; clearLockout: boolean };
};
