import { getConfig } from "./current.ts";
import { nameKey, sameDomain, PRIMARY } from "../core/domains.ts";

/** The account named by `[super_admin] username`: WSO2 locks its row for everyone but itself. */
export function isSuperAdminAccount(user: { username: string; domain: string }, adminUsername = getConfig().super_admin.username): boolean {
  return sameDomain(user.domain, PRIMARY) && nameKey(user.username) === nameKey(adminUsername);
}
