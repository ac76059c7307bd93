import { APPLICATION, INTERNAL, sameDomain } from "../core/domains.ts";
import type { Tx } from "../db/client.ts";
import { addMemberships, removeMemberships } from "./hybrid-memberships.ts";
import type { MembershipPair, UserStore } from "./user-store.ts";

/** Internal/* and Application/* roles: Gatehouse keeps their memberships, whatever store the user is in. */
export function isHybridRole(role: { domain: string }): boolean {
  return sameDomain(role.domain, INTERNAL) || sameDomain(role.domain, APPLICATION);
}

type RoleOf = { domain: string };

/**
 * Adds memberships where each belongs: a hybrid role's in Gatehouse's rows, a group's through
 * the store (the same rows for the database store). Returns the pairs that were new.
 */
export async function addRoleMemberships(
  tx: Tx,
  users: UserStore,
  pairs: readonly (MembershipPair & { role: RoleOf })[],
): Promise<MembershipPair[]> {
  const strip = (list: readonly (MembershipPair & { role: RoleOf })[]) => list.map(({ userId, roleId }) => ({ userId, roleId }));
  // An external store's groups are mirrored rows too, but its addToGroups writes the directory first.
  if (users.groupsInGatehouse) return users.addToGroups(tx, strip(pairs));
  const hybrid = await addMemberships(tx, strip(pairs.filter((p) => isHybridRole(p.role))));
  return [...hybrid, ...(await users.addToGroups(tx, strip(pairs.filter((p) => !isHybridRole(p.role)))))];
}

/** Removes these users from these roles, each membership where it is kept; returns how many went. */
export async function removeRoleMemberships(
  tx: Tx,
  users: UserStore,
  userIds: readonly number[],
  roles: readonly (RoleOf & { id: number })[],
): Promise<number> {
  const ids = (list: readonly { id: number }[]) => list.map((r) => r.id);
  if (users.groupsInGatehouse) return users.removeFromGroups(tx, { userIds, roleIds: ids(roles) });
  const hybrid = await removeMemberships(tx, { userIds, roleIds: ids(roles.filter(isHybridRole)) });
  return hybrid + (await users.removeFromGroups(tx, { userIds, roleIds: ids(roles.filter((r) => !isHybridRole(r))) }));
}
