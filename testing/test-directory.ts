import crypto from "node:crypto";
import type { Db } from "../lib/db/client.ts";
import { AppError } from "../lib/errors.ts";
import { attachDirectory } from "../lib/user-stores/external/directory-for.ts";
import type { Directory, DirectoryGroupMembers, DirectoryUser } from "../lib/user-stores/external/directory.ts";
import { superTenantId, TEST_PASSWORD } from "./seed.ts";

/**
 * A TEST stand-in for an external directory (an LDAP server, a WSO2 user database): plain maps
 * that a test edits to play the directory's side. It is not Gatehouse's database and not a mock
 * of it; the mirror under test is real SQLite or PostgreSQL. `down` makes every call fail as an
 * unreachable directory does; `failAfterPages` makes a full read fail part-way.
 */
export type TestDirectory = Directory & {
  /** The directory's contents, by externalId: tests add, rename and remove entries here. */
  people: Map<string, DirectoryUser & { password: string }>;
  teams: Map<string, DirectoryGroupMembers>;
  down: boolean;
  failAfterPages: number | null;
  /** Called before each page is handed out: lets a test act mid-sync (abort, take the lease). */
  beforePage: ((index: number) => void | Promise<void>) | null;
};

export function createTestDirectory(options: { readOnly?: boolean; pageSize?: number } = {}): TestDirectory {
  const pageSize = options.pageSize ?? 100;
  const unavailable = () => new AppError("STORE_UNAVAILABLE", "The test directory is down (connection refused).");
  let served = 0;
  const dir: TestDirectory = {
    readOnly: options.readOnly ?? true,
    people: new Map(),
    teams: new Map(),
    down: false,
    failAfterPages: null,
    beforePage: null,
    async test() {
      return [{ step: "connect", ok: !dir.down, detail: dir.down ? "refused" : "ok", ms: 0 }];
    },
    users: () => {
      served = 0;
      return pages(() =>
        [...dir.people.values()].map((u) => ({ externalId: u.externalId, username: u.username, claims: { ...u.claims } })),
      );
    },
    groups: () => pages(() => [...dir.teams.values()].map((g) => ({ ...g, memberIds: [...g.memberIds] }))),
    async findUser(username) {
      check();
      const user = [...dir.people.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
      if (!user) return null;
      const groupIds = [...dir.teams.values()].filter((g) => g.memberIds.includes(user.externalId)).map((g) => g.externalId);
      return { externalId: user.externalId, username: user.username, claims: { ...user.claims }, groupIds };
    },
    async findGroup(externalId) {
      check();
      const group = dir.teams.get(externalId);
      return group ? { ...group, memberIds: [...group.memberIds] } : null;
    },
    async authenticate(externalId, password) {
      check();
      return dir.people.get(externalId)?.password === password;
    },
    async createUser(user) {
      writable();
      const created = {
        externalId: `uid=${user.username},ou=people`,
        username: user.username,
        claims: user.claims,
        password: user.password,
      };
      dir.people.set(created.externalId, created);
      return { externalId: created.externalId, username: created.username, claims: { ...created.claims } };
    },
    async setPassword(externalId, password) {
      writable();
      existing(externalId).password = password;
    },
    async setClaims(externalId, claims) {
      writable();
      const user = existing(externalId);
      for (const [claim, value] of Object.entries(claims)) {
        if (value === "") delete user.claims[claim];
        else user.claims[claim] = value;
      }
    },
    async deleteUser(externalId) {
      writable();
      dir.people.delete(externalId);
      for (const g of dir.teams.values()) g.memberIds = g.memberIds.filter((m) => m !== externalId);
    },
    async createGroup(name, memberIds = []) {
      writable();
      const group = { externalId: `cn=${name},ou=groups`, name, memberIds: [...memberIds] };
      dir.teams.set(group.externalId, group);
      return { externalId: group.externalId, name };
    },
    async renameGroup(externalId, name) {
      writable();
      const group = dir.teams.get(externalId);
      if (!group) throw new AppError("NOT_FOUND", "No such group in the test directory.");
      group.name = name;
      return { externalId, name };
    },
    async deleteGroup(externalId) {
      writable();
      dir.teams.delete(externalId);
    },
    async addMembers(groupId, userIds) {
      writable();
      const group = dir.teams.get(groupId);
      if (group) group.memberIds = [...new Set([...group.memberIds, ...userIds])];
    },
    async removeMembers(groupId, userIds) {
      writable();
      const group = dir.teams.get(groupId);
      if (group) group.memberIds = group.memberIds.filter((m) => !userIds.includes(m));
    },
    async close() {},
  };
  async function* pages<T>(items: () => T[]): AsyncIterable<T[]> {
    const all = items();
    for (let i = 0; i < all.length; i += pageSize) {
      await dir.beforePage?.(served);
      check();
      if (dir.failAfterPages !== null && served >= dir.failAfterPages) throw unavailable();
      served++;
      yield all.slice(i, i + pageSize);
    }
  }
  function check() {
    if (dir.down) throw unavailable();
  }
  function writable() {
    check();
    if (dir.readOnly) throw new AppError("FORBIDDEN", "The test directory is read-only.");
  }
  function existing(externalId: string) {
    const user = dir.people.get(externalId);
    if (!user) throw new AppError("NOT_FOUND", "No such user in the test directory.");
    return user;
  }
  return dir;
}

/** A secondary store of `type` served by `directory`, in the super tenant (provisioned first). */
export async function seedExternalStore(
  db: Db,
  directory: TestDirectory,
  options: { domain?: string; type?: "ldap" | "jdbc"; enabled?: boolean } = {},
): Promise<{ id: number; tenantId: number; domain: string }> {
  const tenantId = await superTenantId(db);
  const domain = options.domain ?? `LDAP${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
  const store = await db.userStore.create({
    data: {
      tenantId,
      domain,
      kind: "secondary",
      type: options.type ?? "ldap",
      readOnly: directory.readOnly,
      enabled: options.enabled ?? true,
      settings: JSON.stringify({ test: domain }),
    },
  });
  attachDirectory(store, directory);
  return { id: store.id, tenantId, domain };
}

export function addPerson(directory: TestDirectory, username: string, claims: Record<string, string> = {}, password = TEST_PASSWORD) {
  const person = { externalId: `uid=${username},ou=people`, username, claims, password };
  directory.people.set(person.externalId, person);
  return person;
}
