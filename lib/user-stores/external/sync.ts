import type { Db } from "../../db/client.ts";
import { refreshPlannerStatistics } from "../../db/planner-statistics.ts";
import { AppError } from "../../errors.ts";
import { directoryForStore } from "./directory-for.ts";
import type { Directory } from "./directory.ts";
import { adoptFormerIds } from "./mirror-adopt.ts";
import { usableGroups, usableUsers } from "./mirror-entries.ts";
import { memberPairs, replaceClaims, replaceMemberships } from "./mirror-links.ts";
import { mirrorNamed } from "./mirror-names.ts";
import { heartbeat, releaseLease, takeLease, type Lease } from "./sync-lease.ts";
import { readExternalStore, type ExternalStore } from "./store-row.ts";

export type SyncProgress = { users: number; groups: number };
/** `skipped`: directory entries Gatehouse cannot hold (unusable names, a name another entry already has). */
export type SyncResult = SyncProgress & { created: number; updated: number; removed: number; skipped: number };
type SyncOptions = { signal?: AbortSignal; onProgress?: (progress: SyncProgress) => void };

// A page of thousands of users with their claims (and SQLite's search index) is written in one transaction.
const PAGE_TX = { maxWait: 15_000, timeout: 120_000 } as const;

/**
 * Refreshes the mirror of one external store from its directory (docs/user-stores.md): under
 * the store's StoreSync lease (CONFLICT while another run holds it), with a new generation,
 * every page of users then of groups is upserted in its own transaction; then the users and
 * groups this run did not see are deleted (their memberships, claims and sessions go by
 * cascade). On failure or abort nothing is deleted, the lease records "failed" and why, and
 * the pages already written stay: the next full sync completes them.
 */
export async function syncStore(client: Db, tenantId: number, storeId: number, options: SyncOptions = {}): Promise<SyncResult> {
  const store = await readExternalStore(client, tenantId, storeId);
  const lease = await takeLease(client, store.id);
  const run = { step: "opening the directory" };
  try {
    const result = await runSync(client, store, lease, directoryForStore(store), run, options);
    // A big first sync would otherwise leave this (long-lived) connection planning lists of
    // 100,000 users with the statistics of an empty table (docs/ldap.md, Performance).
    run.step = "updating the planner's statistics";
    await refreshPlannerStatistics(client);
    await releaseLease(client, lease, { state: "idle", lastError: null });
    return result;
  } catch (error) {
    await releaseLease(client, lease, { state: "failed", lastError: describeFailure(error, run.step, options.signal) });
    throw error;
  }
}

async function runSync(client: Db, store: ExternalStore, lease: Lease, directory: Directory, run: { step: string }, options: SyncOptions) {
  const { signal, onProgress } = options;
  const total: SyncResult = { users: 0, groups: 0, created: 0, updated: 0, removed: 0, skipped: 0 };
  const mirror = { id: store.id, tenantId: store.tenantId };
  const seen = () => ({ usersSeen: total.users, groupsSeen: total.groups });

  run.step = "reading users";
  for await (const page of directory.users()) {
    signal?.throwIfAborted();
    total.users += page.length;
    await client.$transaction(async (tx) => {
      await heartbeat(tx, lease, seen());
      const { users, skipped } = usableUsers(page);
      await adoptFormerIds(tx, "user", store.id, users);
      const named = await mirrorNamed(
        tx,
        "user",
        mirror,
        lease.generation,
        users.map((u) => ({ externalId: u.externalId, name: u.username })),
      );
      await replaceClaims(
        tx,
        new Map(users.filter((u) => named.ids.has(u.externalId)).map((u) => [named.ids.get(u.externalId)!, u.claims])),
      );
      count(total, named, skipped);
    }, PAGE_TX);
    onProgress?.({ users: total.users, groups: total.groups });
  }

  run.step = "reading groups";
  for await (const page of directory.groups()) {
    signal?.throwIfAborted();
    total.groups += page.length;
    await client.$transaction(async (tx) => {
      await heartbeat(tx, lease, seen());
      const { groups, skipped } = usableGroups(page);
      await adoptFormerIds(tx, "role", store.id, groups);
      const named = await mirrorNamed(
        tx,
        "role",
        mirror,
        lease.generation,
        groups.map((g) => ({ externalId: g.externalId, name: g.name })),
      );
      const mirrored = groups
        .filter((g) => named.ids.has(g.externalId))
        .map((g) => ({ roleId: named.ids.get(g.externalId)!, memberIds: g.memberIds }));
      const roleIds = mirrored.map((g) => g.roleId);
      await replaceMemberships(tx, { roleIds }, await memberPairs(tx, store.id, mirrored));
      count(total, named, skipped);
    }, PAGE_TX);
    onProgress?.({ users: total.users, groups: total.groups });
  }

  signal?.throwIfAborted();
  run.step = "removing entries the directory no longer has";
  total.removed = await client.$transaction(async (tx) => {
    await heartbeat(tx, lease, seen());
    const unseen = { storeId: store.id, OR: [{ syncGeneration: null }, { syncGeneration: { lt: lease.generation } }] };
    const users = await tx.user.deleteMany({ where: unseen });
    const roles = await tx.role.deleteMany({ where: unseen });
    return users.count + roles.count;
  }, PAGE_TX);
  return total;
}

function count(total: SyncResult, named: { created: number; updated: number; skipped: number }, unusable: number): void {
  total.created += named.created;
  total.updated += named.updated;
  total.skipped += named.skipped + unusable;
}

/** What admins see as the last error: the step and an AppError's message (written to be shown; no secrets), never a raw driver error. */
function describeFailure(error: unknown, step: string, signal?: AbortSignal): string {
  if (signal?.aborted) return `Cancelled while ${step}.`;
  if (error instanceof AppError) return `Failed while ${step}: ${error.message}`;
  console.error(`[gatehouse] user store sync failed while ${step}:`, error);
  return `Failed while ${step}: an unexpected error (details in the server log).`;
}
