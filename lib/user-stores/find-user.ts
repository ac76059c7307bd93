import { splitQualifiedName } from "../core/domains.ts";
import { userStoreByDomain } from "./user-store-for.ts";
import type { Reader, StoreUser } from "./user-store.ts";

/** A user named `DOMAIN/name` (PRIMARY when unprefixed), looked up in that domain's store, or null. */
export async function findUserByName(client: Reader, tenantId: number, qualified: string): Promise<StoreUser | null> {
  const { domain, name } = splitQualifiedName(qualified.trim());
  const found = await userStoreByDomain(client, tenantId, domain);
  return found && found.users.findUser(client, tenantId, found.store, name);
}
