/**
 * A per-process, per-tenant cache of subjects (user -> roles and grants) and of the scope
 * mapping, so the decision API can answer from memory in other apps' request paths.
 *
 * Correct across instances without messaging: at most every CHECK_INTERVAL_MS a tenant's entry
 * re-reads a cheap signature (counts and summed versions of roles and users, the roles' latest
 * updatedAt, the membership and grant counts, the scope-mapping version). Every console write
 * that changes who holds what moves one of these: permission and member edits bump the role's
 * version, user role edits bump the user's, creates and deletes change a count, mapping edits
 * bump the mapping version. New writers must keep that contract. A changed signature drops the
 * whole tenant entry. As a backstop for a write that escapes the signature, entries also
 * expire after TTL_MS.
 *
 * Staleness bound: a change made on any instance is seen within 2 × CHECK_INTERVAL_MS plus the
 * signature query's own time (about one interval under steady traffic, since the background
 * re-read starts at the first check past one interval); a change the signature cannot see,
 * within TTL_MS.
 */
import type { Db } from "../db/client.ts";
import { loadMappingState, type MappingState } from "../scopes/mapping-state.ts";
import { readMappingVersion } from "../roles/mapping-version.ts";
import { loadSubjects, userKey, type Subject } from "./subjects.ts";

export const CHECK_INTERVAL_MS = 1_000;
export const TTL_MS = 30_000;

type TenantEntry = {
  signature: string;
  checkedAt: number;
  createdAt: number;
  subjects: Map<string, Subject | null>;
  mapping?: Promise<MappingState>;
};

const tenants = new Map<string, TenantEntry>();
let clock: () => number = () => Date.now();

/** For tests: move time without sleeping. */
export function setCacheClock(now: () => number): void {
  clock = now;
}

export function clearAuthzCache(): void {
  tenants.clear();
  refreshing.clear();
}

/** Exported for the benchmark, which reports what one re-read costs. */
export async function readSignature(db: Db, tenantId: number): Promise<string> {
  const [roles, users, memberships, grants, mapping] = await Promise.all([
    db.role.aggregate({ where: { tenantId }, _count: { _all: true }, _sum: { version: true }, _max: { updatedAt: true } }),
    // Users by version, not updatedAt: every sign-in writes the user row, and must not empty the cache.
    db.user.aggregate({ where: { tenantId }, _count: { _all: true }, _sum: { version: true } }),
    db.membership.count({ where: { role: { tenantId } } }),
    db.roleGrant.count({ where: { role: { tenantId } } }),
    readMappingVersion(db, tenantId),
  ]);
  const roleStamp = roles._max.updatedAt?.getTime() ?? 0;
  return [roles._count._all, roles._sum.version, roleStamp, users._count._all, users._sum.version, memberships, grants, mapping].join(":");
}

// Keyed by the client too, so two databases in one process (tests) never share entries.
const dbIds = new WeakMap<Db, number>();
let nextDbId = 1;
const cacheKey = (db: Db, tenantId: number) => {
  if (!dbIds.has(db)) dbIds.set(db, nextDbId++);
  return `${dbIds.get(db)}:${tenantId}`;
};

// Concurrent requests after the interval share one signature read instead of stampeding.
const refreshing = new Map<string, Promise<TenantEntry>>();

async function tenantEntry(db: Db, tenantId: number): Promise<TenantEntry> {
  const key = cacheKey(db, tenantId);
  const now = clock();
  const entry = tenants.get(key);
  const usable = entry && now - entry.createdAt < TTL_MS;
  if (usable && now - entry.checkedAt < CHECK_INTERVAL_MS) return entry;
  let pending = refreshing.get(key);
  if (!pending) {
    pending = refresh(db, tenantId, key, entry, now).finally(() => refreshing.delete(key));
    refreshing.set(key, pending);
  }
  // Between one and two intervals, answer from the entry while the signature is re-read in the
  // background, so no request waits on it under steady traffic; past two intervals, wait.
  if (usable && now - entry.checkedAt < 2 * CHECK_INTERVAL_MS) {
    pending.catch(() => undefined);
    return entry;
  }
  return pending;
}

async function refresh(db: Db, tenantId: number, key: string, entry: TenantEntry | undefined, now: number): Promise<TenantEntry> {
  const signature = await readSignature(db, tenantId);
  if (entry && now - entry.createdAt < TTL_MS && entry.signature === signature) {
    entry.checkedAt = now;
    return entry;
  }
  const fresh: TenantEntry = { signature, checkedAt: now, createdAt: now, subjects: new Map() };
  tenants.set(key, fresh);
  return fresh;
}

/** The subjects for these usernames, loading the missing ones in one bounded round of queries. */
export async function cachedSubjects(db: Db, tenantId: number, usernames: readonly string[]): Promise<Map<string, Subject | null>> {
  const entry = await tenantEntry(db, tenantId);
  const missing = [...new Set(usernames.map(userKey))].filter((k) => !entry.subjects.has(k));
  if (missing.length > 0) {
    // Load by key: userKey is itself a valid qualified name.
    for (const [k, s] of await loadSubjects(db, tenantId, missing)) entry.subjects.set(k, s);
  }
  return entry.subjects;
}

export async function cachedMapping(db: Db, tenantId: number): Promise<MappingState> {
  const entry = await tenantEntry(db, tenantId);
  // A failed load must not stay cached: the next check tries again.
  entry.mapping ??= loadMappingState(db, tenantId).catch((error: unknown) => {
    entry.mapping = undefined;
    throw error;
  });
  return entry.mapping;
}
