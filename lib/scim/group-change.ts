/**
 * A Group write's effect, on the caller's transaction: a new name through Rename Role and
 * member changes through Set Role Members, each with its rules and audit event, set-based
 * (ids added and removed, never the member list rewritten). Every user id is checked before
 * anything is written, and the transaction holds the rest: all of it commits or none.
 */
import type { Actor } from "../authz/principal.ts";
import { assertRoleAction } from "../authz/role-rules.ts";
import { sameDomain, splitQualifiedName } from "../core/domains.ts";
import { firstIssue } from "../core/zod-issues.ts";
import type { Tx } from "../db/client.ts";
import { joinTransaction } from "../db/join-transaction.ts";
import { isRowId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";
import { renameRoleCommand, setRoleMembersCommand } from "../roles/commands.ts";
import { getRole } from "../roles/get-role.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";
import type { MemberPlan } from "./group-patch-plan.ts";
import { assertIfMatch } from "./resources.ts";
import { membersAmong, readMembers } from "./scim-reads.ts";
import { scimError } from "./scim-error.ts";

export type GroupChange = { displayName?: string; plan?: MemberPlan };

/** A plan replacing the member list with these ids (PUT, or a PATCH applied to the whole resource). */
export const replaceMembers = (ids: readonly string[]): MemberPlan => ({
  replace: new Set(ids),
  add: new Set(),
  remove: new Set(),
  touched: true,
});

/** A version race lost after an If-Match passed is the same precondition failure, as 412. */
export async function asPrecondition<T>(ifMatch: string | null | undefined, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (ifMatch && error instanceof AppError && error.code === "STALE_VERSION") throw new AppError("PRECONDITION_FAILED", error.message);
    throw error;
  });
}

const toIds = (ids: Iterable<string>) => [...new Set([...ids].map(Number))];

/** Every id names a user of the actor's tenant; otherwise 400 naming the ones that do not (another tenant's included). */
export async function assertTenantUsers(tx: Tx, tenantId: number, ids: ReadonlySet<string>): Promise<void> {
  if (ids.size === 0) return;
  const numeric = [...ids].filter((id) => /^\d{1,10}$/.test(id) && isRowId(Number(id)));
  const store = await tenantUserStore(tx, tenantId);
  const found = new Set((await store.getUsers(tx, tenantId, toIds(numeric))).map((u) => u.id));
  const unknown = [...ids].filter((id) => !/^\d{1,10}$/.test(id) || !found.has(Number(id)));
  if (unknown.length > 0) {
    const named = unknown.slice(0, 20).map((id) => JSON.stringify(id));
    throw scimError("invalidValue", `No such users: ${named.join(", ")}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ""}.`);
  }
}

/**
 * The ids to add (not yet members) and remove (members now): a replace compares with the member
 * ids (one statement), an add or remove asks only about the ids it names. So adding a member or
 * removing a non-member writes and audits nothing.
 */
async function memberDelta(tx: Tx, tenantId: number, id: number, plan: MemberPlan) {
  if (plan.replace) {
    const wanted = new Set(toIds(plan.replace));
    const members = ((await readMembers(tx, tenantId, [id])).get(id) ?? []).map((m) => m.id);
    const have = new Set(members);
    return { add: [...wanted].filter((u) => !have.has(u)), remove: members.filter((u) => !wanted.has(u)) };
  }
  const named = [...toIds(plan.add), ...toIds(plan.remove)];
  const have = await membersAmong(tx, tenantId, id, named);
  return { add: toIds(plan.add).filter((u) => !have.has(u)), remove: toIds(plan.remove).filter((u) => have.has(u)) };
}

/** Renames and re-members group `id` in `tx`; If-Match is compared with the version read here. */
export async function changeGroup(tx: Tx, actor: Actor, id: number, ifMatch: string | null | undefined, change: GroupChange) {
  const client = joinTransaction(tx);
  const role = await getRole(tx, actor.tenantId, id);
  assertIfMatch("group", role.version, ifMatch);
  let current = role.version;
  if (change.displayName !== undefined && change.displayName !== role.qualified) {
    const { domain, name } = splitQualifiedName(change.displayName);
    if (!sameDomain(domain, role.domain)) {
      throw scimError(
        "mutability",
        `${role.qualified} stays in its user store (${role.domain}): only the name after "${role.domain}/" changes.`,
      );
    }
    if (name !== role.name) {
      await renameRoleCommand.run(client, actor, { id, version: current, name });
      current += 1;
    }
  }
  const plan = change.plan;
  if (!plan?.touched) return;
  await assertTenantUsers(tx, actor.tenantId, new Set([...(plan.replace ?? []), ...plan.add, ...plan.remove]));
  const { add, remove } = await memberDelta(tx, actor.tenantId, id, plan);
  // Nothing to change still needs the right to change it: a no-op is no way to probe a role one may not assign.
  if (add.length + remove.length === 0) return assertRoleAction(actor, role, "assignUsers");
  const input = setRoleMembersCommand.input.safeParse({ id, version: current, add, remove });
  if (!input.success) throw scimError("invalidValue", firstIssue(input.error).message);
  await setRoleMembersCommand.run(client, actor, input.data);
}
