import { beforeAll, expect, it } from "vitest";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { KeysetPage } from "../keyset.ts";
import type { RoleRef, StoreRef, StoreUser, UserStore } from "./user-store.ts";

/**
 * What every UserStore must do, written against the interface only, run on the database store
 * (database-store.test.ts) and on a real slapd and WSO2's JDBC schema (directory-stores.test.ts):
 * call it inside a `describe`, with a setup that gives a
 * writable store, a read-only one and a group of the writable store's users. Names are unique
 * per run (`prefix`), so a shared directory can serve several runs.
 */
export type ContractSetup = {
  db: Db;
  tenantId: number;
  users: UserStore;
  store: StoreRef;
  readOnlyStore: StoreRef;
  /**
   * A role whose memberships the store keeps (its group; a Gatehouse role for the database store).
   * Its `memberCount` members at the start are outside `prefix`: an LDAP groupOfNames cannot be
   * empty (RFC 4519), so a directory's group starts with one member; the database store's and
   * WSO2's with none. The counts below are that many higher, nothing else differs.
   */
  group: RoleRef;
  prefix: string;
};

const PASSWORD = "a perfectly long password";
const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

export function userStoreContract(setup: () => Promise<ContractSetup>): void {
  let s: ContractSetup;
  const names = ["b", "A", "c", "e", "D"];
  const ids = new Map<string, number>();
  const name = (n: string) => `${s.prefix}${n}`;
  const create = async (n: string, store = s.store) => {
    const password = await s.users.preparePassword(PASSWORD);
    return s.db.$transaction((tx) => s.users.createUser(tx, s.tenantId, store, { username: name(n), password, roleIds: [] }));
  };
  const pages = async (first: (after?: string) => Promise<KeysetPage<StoreUser>>) => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await first(after);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.username));
      after = page.next ?? undefined;
    } while (after);
    return seen;
  };

  beforeAll(async () => {
    s = await setup();
    for (const n of names) ids.set(n, (await create(n)).id);
  });

  it("creates users, finds them by name ignoring case, and refuses a duplicate", async () => {
    const found = await s.users.findUser(s.db, s.tenantId, s.store, name("a").toUpperCase());
    expect(found).toMatchObject({ id: ids.get("A"), username: name("A"), domain: s.store.domain, readOnly: false });
    await expect(create("a")).rejects.toSatisfy(isCode("CONFLICT"));
    await expect(s.users.assertUsernameFree(s.db, s.tenantId, s.store, name("b"))).rejects.toSatisfy(isCode("CONFLICT"));
    await expect(s.users.findUser(s.db, s.tenantId, s.store, name("nobody"))).resolves.toBeNull();
  });

  it("authenticates the right password only", async () => {
    const login = await s.users.findLogin(s.db, s.tenantId, s.store, name("c"));
    expect(login?.id).toBe(ids.get("c"));
    expect((await s.users.authenticate(login!, PASSWORD)).ok).toBe(true);
    expect((await s.users.authenticate(login!, `${PASSWORD}!`)).ok).toBe(false);
  });

  it("lists by WSO2 pattern in keyset pages, in name order without case, forward and back, and counts the same", async () => {
    const sorted = names.map(name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const query = { pattern: `${s.prefix}*`, storeId: s.store.id };
    const list = (after?: string) => s.users.listUsers(s.db, s.tenantId, { ...query, sort: "username", dir: "asc", size: 2, after });
    expect(await pages(list)).toEqual(sorted);
    expect(await s.users.countUsers(s.db, s.tenantId, query)).toBe(names.length);
    const second = await list((await list()).next!);
    const back = await s.users.listUsers(s.db, s.tenantId, { ...query, sort: "username", dir: "asc", size: 2, before: second.prev! });
    expect(back.rows.map((r) => r.username)).toEqual(sorted.slice(0, 2));
    const exact = await s.users.listUsers(s.db, s.tenantId, { pattern: name("d"), sort: "username", dir: "asc", size: 10 });
    expect(exact.rows.map((r) => r.username)).toEqual([name("D")]);
    const suffix = await s.users.listUsers(s.db, s.tenantId, {
      pattern: `*${name("e").slice(-3)}`,
      sort: "username",
      dir: "asc",
      size: 10,
    });
    expect(suffix.rows.map((r) => r.username)).toContain(name("e"));
  });

  it("changes a password only on the version it was read at", async () => {
    const id = ids.get("e")!;
    const before = (await s.users.getUser(s.db, s.tenantId, id))!;
    const value = await s.users.preparePassword(`${PASSWORD} two`);
    const change = { version: before.version, password: { value, mustChange: false, clearLockout: true } };
    await s.db.$transaction((tx) => s.users.updateUser(tx, s.tenantId, id, change));
    await expect(s.db.$transaction((tx) => s.users.updateUser(tx, s.tenantId, id, change))).rejects.toSatisfy(isCode("STALE_VERSION"));
    const login = (await s.users.loginById(s.db, s.tenantId, id))!;
    expect((await s.users.authenticate(login, `${PASSWORD} two`)).ok).toBe(true);
    expect((await s.users.getUser(s.db, s.tenantId, id))!.version).toBe(before.version + 1);
  });

  it("sets and removes claims", async () => {
    const id = ids.get("b")!;
    const claim = "http://wso2.org/claims/organization";
    await s.db.$transaction((tx) => s.users.setClaims(tx, id, { [claim]: "Acme" }));
    expect((await s.users.getUser(s.db, s.tenantId, id))!.claims).toEqual({ [claim]: "Acme" });
    await s.db.$transaction((tx) => s.users.setClaims(tx, id, { [claim]: "" }));
    expect((await s.users.getUser(s.db, s.tenantId, id))!.claims).toEqual({});
  });

  it("keeps group memberships: adds once, lists and counts members, gives each user's roles, removes", async () => {
    const [a, b] = [ids.get("A")!, ids.get("b")!];
    const pairs = [a, b].map((userId) => ({ userId, roleId: s.group.id }));
    expect(await s.db.$transaction((tx) => s.users.addToGroups(tx, pairs))).toHaveLength(2);
    expect(await s.db.$transaction((tx) => s.users.addToGroups(tx, pairs))).toEqual([]);
    const base = s.group.memberCount;
    const group = { ...s.group, memberCount: base + 2 };
    const members = await s.users.usersOfRole(s.db, s.tenantId, group, { pattern: `${s.prefix}*`, size: 1 });
    expect(members.rows.map((r) => r.id)).toEqual([a]);
    expect(await pages((after) => s.users.usersOfRole(s.db, s.tenantId, group, { pattern: `${s.prefix}*`, size: 2, after }))).toEqual([
      name("A"),
      name("b"),
    ]);
    expect(await s.users.countUsersOfRole(s.db, s.tenantId, group, {})).toBe(base + 2);
    const roles = await s.users.rolesOfUsers(s.db, s.tenantId, [a, ids.get("c")!]);
    expect(roles.get(a)?.map((r) => r.id)).toContain(s.group.id);
    expect(roles.get(ids.get("c")!) ?? []).toEqual([]);
    const removed = await s.db.$transaction((tx) => s.users.removeFromGroups(tx, { userIds: [a], roleIds: [s.group.id] }));
    expect(removed).toBe(1);
    expect(await s.users.countUsersOfRole(s.db, s.tenantId, group, {})).toBe(base + 1);
  });

  it("refuses writes to a read-only store", async () => {
    expect(s.users.capabilities(s.readOnlyStore)).toMatchObject({ readOnly: true, canChangePassword: false });
    expect(s.users.capabilities(s.store).readOnly).toBe(false);
    await expect(create("x", s.readOnlyStore)).rejects.toSatisfy(isCode("FORBIDDEN"));
  });

  it("deletes users", async () => {
    const id = ids.get("D")!;
    expect(await s.db.$transaction((tx) => s.users.deleteUsers(tx, s.tenantId, [id]))).toBe(1);
    expect(await s.users.getUser(s.db, s.tenantId, id)).toBeNull();
    expect(await s.users.getUsers(s.db, s.tenantId, [id, ids.get("c")!])).toMatchObject([{ id: ids.get("c") }]);
  });
}
