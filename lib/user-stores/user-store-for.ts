import { sameDomain } from "../core/domains.ts";
import { AppError } from "../errors.ts";
import { holdsUsers, listStores } from "../stores/list-stores.ts";
import { databaseStore } from "./database-store.ts";
import type { Reader, StoreRef, UserStore } from "./user-store.ts";

// #13 adds "ldap" and "jdbc" here.
const IMPLEMENTATIONS: Record<string, UserStore> = { database: databaseStore };

/** The implementation behind a store row; rows without a type (all of today's) are database stores. */
export function userStoreFor(store: StoreRef): UserStore {
  if (!holdsUsers(store)) throw new AppError("INVALID_INPUT", `${store.domain} holds roles, not users.`, { field: "domain" });
  const type = store.type ?? "database";
  const implementation = IMPLEMENTATIONS[type];
  if (!implementation) throw new AppError("INVALID_INPUT", `The ${store.domain} user store has the unknown type "${type}".`);
  return implementation;
}

/**
 * The implementation that answers for all of a tenant's users, for lists across stores and for
 * writes that name users by Gatehouse id. Today every store is a database store, so that is
 * the one; with stores of several types (#13) a caller must merge their pages, which this
 * refuses until it exists instead of silently leaving users out.
 */
export async function tenantUserStore(client: Reader, tenantId: number): Promise<UserStore> {
  const implementations = new Set((await listStores(client, tenantId)).filter(holdsUsers).map(userStoreFor));
  if (implementations.size > 1) throw new AppError("INVALID_INPUT", "Users of stores of different types cannot be listed together yet.");
  // A tenant without user stores has no users: Gatehouse's own (empty) tables answer that.
  return [...implementations][0] ?? databaseStore;
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
