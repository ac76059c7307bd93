/**
 * The decision API's per-process cache: one compiled snapshot (./compiled.ts) per tenant,
 * keyed by the tenant's authorization version (lib/authz/version.ts), which database triggers
 * bump in the same transaction as every change that can alter a decision.
 *
 * Freshness: a caller that already read the version in this request (the HTTP routes: the
 * session statement returns it) passes it, and a newer version replaces the snapshot before
 * the check, so a change is seen on the very next request on every instance. A caller without
 * one (in-process use) re-reads the one-row version at most every CHECK_INTERVAL_MS: between
 * one and two intervals in the background while answering from the snapshot, past two it waits.
 *
 * Entries are never dropped while their version is current (no TTL). Memory is bounded: a
 * snapshot keeps at most MAX_USERS users (and as many spellings asked); past that the
 * oldest-loaded tenth is dropped and reloads in bulk on its next check. Roles are bounded by the
 * tenant's roles; a user costs its role list and a Uint32Array of ⌈nodes/32⌉ words (3 today).
 */
import type { Db } from "../db/client.ts";
import { readAuthzVersion } from "../authz/version.ts";
import { loadMappingState } from "../scopes/mapping-state.ts";
import { compileMapping, type CompiledMapping, type CompiledUser } from "./compiled.ts";
import { loadUsers, userKey, type RoleTable } from "./subjects.ts";

export const CHECK_INTERVAL_MS = 1_000;
export const MAX_USERS = 250_000;

export type Snapshot = RoleTable & {
  version: number;
  /** userKey -> user (null: no such user at this version). */
  users: Map<string, CompiledUser | null>;
  /** The spelling asked -> its user: a warm check is one lookup, without Unicode normalization. */
  byName: Map<string, CompiledUser | null>;
  mapping?: Promise<CompiledMapping>;
};

type TenantEntry = { snapshot: Snapshot; checkedAt: number };

const tenants = new Map<string, TenantEntry>();
// Concurrent checks past the interval share one version read instead of stampeding.
const refreshing = new Map<string, Promise<Snapshot>>();
let clock: () => number = () => Date.now();

/** For tests: move time without sleeping. */
export function setCacheClock(now: () => number): void {
  clock = now;
}

export function clearAuthzCache(): void {
  tenants.clear();
  refreshing.clear();
}

// Keyed by the client too, so two databases in one process (tests) never share entries.
const dbIds = new WeakMap<Db, number>();
let nextDbId = 1;
const cacheKey = (db: Db, tenantId: number) => {
  if (!dbIds.has(db)) dbIds.set(db, nextDbId++);
  return `${dbIds.get(db)}:${tenantId}`;
};

const emptySnapshot = (version: number): Snapshot => ({ version, users: new Map(), byName: new Map(), roles: new Map() });

/**
 * The tenant's snapshot: at `version` or newer when given, else at most one interval old
 * (two while a background re-read runs). Returns synchronously when nothing needs reading.
 */
export function tenantSnapshot(db: Db, tenantId: number, version?: number): Snapshot | Promise<Snapshot> {
  const key = cacheKey(db, tenantId);
  const entry = tenants.get(key);
  const now = clock();
  if (version !== undefined) {
    if (entry && entry.snapshot.version >= version) return entry.snapshot;
    const snapshot = emptySnapshot(version);
    tenants.set(key, { snapshot, checkedAt: now });
    return snapshot;
  }
  if (entry && now - entry.checkedAt < CHECK_INTERVAL_MS) return entry.snapshot;
  let pending = refreshing.get(key);
  if (!pending) {
    pending = refresh(db, tenantId, key, now).finally(() => refreshing.delete(key));
    refreshing.set(key, pending);
  }
  if (entry && now - entry.checkedAt < 2 * CHECK_INTERVAL_MS) {
    pending.catch(() => undefined);
    return entry.snapshot;
  }
  return pending;
}

async function refresh(db: Db, tenantId: number, key: string, now: number): Promise<Snapshot> {
  const version = await readAuthzVersion(db, tenantId);
  const current = tenants.get(key);
  if (current && current.snapshot.version >= version) {
    current.checkedAt = Math.max(current.checkedAt, now);
    return current.snapshot;
  }
  const snapshot = emptySnapshot(version);
  tenants.set(key, { snapshot, checkedAt: now });
  return snapshot;
}

/** The cached user for a spelling, undefined when not loaded yet (null: no such user). */
export function cachedUser(snapshot: Snapshot, username: string): CompiledUser | null | undefined {
  return snapshot.byName.get(username);
}

/** Loads every user of `usernames` the snapshot lacks, in bulk (see ./subjects.ts). */
export async function loadMissingUsers(db: Db, tenantId: number, snapshot: Snapshot, usernames: readonly string[]): Promise<void> {
  const missing = new Map<string, string>();
  for (const name of usernames) {
    if (snapshot.byName.has(name) || missing.has(name)) continue;
    const key = userKey(name);
    const known = snapshot.users.get(key);
    if (known !== undefined) snapshot.byName.set(name, known);
    else missing.set(name, key);
  }
  if (missing.size > 0) {
    const loaded = await loadUsers(db, tenantId, snapshot, [...new Set(missing.values())]);
    for (const [k, user] of loaded) snapshot.users.set(k, user);
    for (const [name, key] of missing) snapshot.byName.set(name, loaded.get(key) ?? null);
  }
  trim(snapshot.users);
  trim(snapshot.byName);
}

function trim(map: Map<string, unknown>): void {
  if (map.size <= MAX_USERS) return;
  let drop = map.size - MAX_USERS + Math.floor(MAX_USERS / 10);
  for (const k of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(k);
  }
}

export function snapshotMapping(db: Db, tenantId: number, snapshot: Snapshot): Promise<CompiledMapping> {
  // A failed load must not stay cached: the next check tries again.
  snapshot.mapping ??= loadMappingState(db, tenantId)
    .then(compileMapping)
    .catch((error: unknown) => {
      snapshot.mapping = undefined;
      throw error;
    });
  return snapshot.mapping;
}
