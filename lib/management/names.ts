import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { findRoleByName, type RoleRef } from "../roles/find-role.ts";
import { qualifiedName, withDomain } from "../core/domains.ts";
import { findUserByName } from "../user-stores/find-user.ts";

/** The id of the user the MI names by userId (and domain), or NOT_FOUND. */
export async function findUserId(client: Db, tenantId: number, userId: string, domain?: string): Promise<number> {
  const user = await findUserByName(client, tenantId, withDomain(userId, domain));
  if (!user) throw new AppError("NOT_FOUND", `User ${withDomain(userId, domain)} does not exist.`);
  return user.id;
}

export async function requireRole(client: Db, tenantId: number, role: string, domain?: string): Promise<RoleRef> {
  const found = await findRoleByName(client, tenantId, withDomain(role, domain));
  if (!found) throw new AppError("NOT_FOUND", `Role ${withDomain(role, domain)} does not exist.`);
  return found;
}

/** The MI's searchKey is a substring; a key that already has `*` is a WSO2 pattern as typed. */
export function searchPattern(pattern: string | undefined, searchKey: string | undefined): string {
  if (pattern) return pattern;
  if (!searchKey) return "*";
  return searchKey.includes("*") ? searchKey : `*${searchKey}*`;
}

/**
 * A user's roles as the MI lists them: Internal/everyone included, which every user holds
 * implicitly (Gatehouse keeps no membership row for it).
 */
export async function rolesAsMiLists(client: Db, tenantId: number, held: readonly string[]): Promise<string[]> {
  const everyone = await client.role.findFirst({
    where: { tenantId, kind: "everyone" },
    select: { name: true, store: { select: { domain: true } } },
  });
  return everyone ? [...held, qualifiedName(everyone.store.domain, everyone.name)] : [...held];
}
