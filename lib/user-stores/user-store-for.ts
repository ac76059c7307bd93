import { sameDomain } from "../core/domains.ts";
import { AppError } from "../errors.ts";
import { holdsUsers, listStores } from "../stores/list-stores.ts";
import { databaseStore } from "./database-store.ts";
import { createExternalStore } from "./external/external-store.ts";
import type { Reader, StoreRef, UserStore } from "./user-store.ts";

const IMPLEMENTATIONS: Record<string, UserStore> = {
  database: databaseStore,
  ldap: createExternalStore("ldap"),
  jdbc: createExternalStore("jdbc"),
};

/** The implementation behind a store row; a row without a type is a database store. */
export function userStoreFor(store: StoreRef): UserStore {
  if (!holdsUsers(store)) throw new AppError("INVALID_INPUT", `${store.domain} holds roles, not users.`, { field: "domain" });
  const type = store.type ?? "database";
  const implementation = IMPLEMENTATIONS[type];
  if (!implementation) throw new AppError("INVALID_INPUT", `The ${store.domain} user store has the unknown type "${type}".`);
  return implementation;
}

/**
 * Which implementation serves each tenant's users, as last read. Every user read and write asks,
 * so it is kept in process instead of listing the stores each time: it holds no data shown to
 * anyone (user rows carry their store's domain and read-only flag from their own JOIN), only
 * the store types. Store rows change only through provisioning (start-up, gatehouse.toml), in
 * whichever process starts; so an entry is re-read after STORE_TYPES_MAX_AGE_MS, and refreshed
 * for free whenever a caller passes the store list it read anyway (the Users page does). With
 * several processes a store added by one is served by the others within that age.
 */
const implementations = new Map<number, { users: UserStore; at: number }>();
const STORE_TYPES_MAX_AGE_MS = 5_000;

function implementationOf(stores: readonly StoreRef[]): UserStore {
  // Every store's users are rows of Gatehouse's tables (external stores' are the mirror), so
  // the database reads serve lists across stores of any types; an external implementation
  // routes each write by id to the user's own store (external/external-writes.ts), database
  // stores' users included. A tenant without user stores has no users: the (empty) tables say so.
  const external = stores.filter(holdsUsers).find((s) => (s.type ?? "database") !== "database");
  return external ? userStoreFor(external) : databaseStore;
}

/**
 * The implementation that answers for all of a tenant's users, for lists across stores and for
 * writes that name users by Gatehouse id: the database store while every store is one, else
 * an external implementation, whose writes go to each user's own store. `stores`: the
 * tenant's store list when the caller has just read it (no statement then).
 */
export async function tenantUserStore(client: Reader, tenantId: number, stores?: readonly StoreRef[]): Promise<UserStore> {
  const cached = implementations.get(tenantId);
  if (!stores && cached && performance.now() - cached.at < STORE_TYPES_MAX_AGE_MS) return cached.users;
  const users = implementationOf(stores ?? (await listStores(client, tenantId)));
  implementations.set(tenantId, { users, at: performance.now() });
  return users;
}

/** The store named by a sign-in's domain and its implementation, or null when there is none. */
export async function userStoreByDomain(
  client: Reader,
  tenantId: number,
  domain: string,
): Promise<{ store: StoreRef; users: UserStore } | null> {
  const store = (await listStores(client, tenantId)).find((s) => sameDomain(s.domain, domain));
  if (!store || !holdsUsers(store)) return null;
  return { store, users: userStoreFor(store) };
}
