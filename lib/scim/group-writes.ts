/**
 * SCIM's writes on Groups (roles), through the role commands (lib/roles/commands.ts) and so
 * through their rules, no-escalation checks and audit events: POST is Add New Role (no
 * permissions) with its first members, PUT and PATCH are Rename Role and Set Role Members,
 * DELETE is Delete Role. Each request is one transaction (lib/db/join-transaction.ts), and the
 * answer is the Group as GET then reads it. /scim2/Bulk calls these commands by name.
 */
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { Actor } from "../authz/principal.ts";
import { ZScimGroupBody, ZScimPatchOp } from "../contracts/scim.ts";
import { splitQualifiedName } from "../core/domains.ts";
import { firstIssue } from "../core/zod-issues.ts";
import type { Db, Tx } from "../db/client.ts";
import { joinTransaction } from "../db/join-transaction.ts";
import { ZFormId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";
import { createRoleCommand, deleteRoleCommand } from "../roles/commands.ts";
import { getRole } from "../roles/get-role.ts";
import { MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { assertIfMatch } from "./resources.ts";
import { asPrecondition, assertTenantUsers, changeGroup, replaceMembers, type GroupChange } from "./group-change.ts";
import { planGroupPatch } from "./group-patch-plan.ts";
import { applyScimPatch } from "./patch.ts";
import { scimGroupQuery, type ScimOne } from "./queries.ts";
import { scimError } from "./scim-error.ts";

const ZIfMatch = z.string().max(1024).nullish();
const memberValues = (members: readonly { value: string | number }[] | undefined) => (members ?? []).map((m) => String(m.value));
const groupAfter = (tx: Tx, actor: Actor, base: string, id: number) => scimGroupQuery.run(joinTransaction(tx), actor, { base, id });

export const scimCreateGroupCommand = defineCommand({
  feature: "roles.create",
  input: z.object({ base: z.string(), body: ZScimGroupBody }),
  rule: "As Add New Role, with no permissions (so its members gain nothing to escalate); the members are the tenant's users.",
  run: async (client, actor, { base, body }): Promise<ScimOne> => {
    const { domain, name } = splitQualifiedName(body.displayName);
    const ids = memberValues(body.members);
    return client.$transaction(async (tx) => {
      await assertTenantUsers(tx, actor.tenantId, new Set(ids));
      const input = createRoleCommand.input.safeParse({ domain, name, permissions: [], userIds: [...new Set(ids.map(Number))] });
      if (!input.success) throw scimError("invalidValue", firstIssue(input.error).message);
      const { id } = await createRoleCommand.run(joinTransaction(tx), actor, input.data).catch((error: unknown) => {
        // An unknown domain in displayName is a bad value, not a missing resource.
        if (error instanceof AppError && error.code === "NOT_FOUND") throw scimError("invalidValue", error.message);
        throw error;
      });
      return groupAfter(tx, actor, base, id);
    });
  },
});

const ZById = z.object({ base: z.string(), id: ZFormId, ifMatch: ZIfMatch });
type TById = z.output<typeof ZById>;

/** One group write in one transaction: the change, then the Group as GET reads it. */
function writeGroup(client: Db, actor: Actor, { base, id, ifMatch }: TById, change: (tx: Tx) => Promise<GroupChange>) {
  return asPrecondition(
    ifMatch,
    client.$transaction(async (tx) => {
      await changeGroup(tx, actor, id, ifMatch, await change(tx));
      return groupAfter(tx, actor, base, id);
    }),
  );
}

export const scimReplaceGroupCommand = defineCommand({
  feature: "roles.update",
  input: ZById.extend({ body: ZScimGroupBody }),
  rule: "As Rename Role and Set Role Members: the group's members become the body's (none when it lists none).",
  run: (client, actor, { body, ...target }) =>
    writeGroup(client, actor, target, async () => ({
      displayName: body.displayName,
      plan: replaceMembers(memberValues(body.members)),
    })),
});

/** A PATCH applied to the whole Group (with its members): for operations the member plan does not translate. */
async function patchWhole(tx: Tx, actor: Actor, base: string, id: number, operations: z.output<typeof ZScimPatchOp>["Operations"]) {
  const { resource } = await groupAfter(tx, actor, base, id);
  const patched = applyScimPatch(resource, operations);
  assertOnlyNameAndMembers(resource, patched);
  const members = (patched.members ?? []) as { value?: unknown }[];
  return { displayName: String(patched.displayName), plan: replaceMembers(memberValues(members as { value: string }[])) };
}

/** id, schemas and meta are read-only, and a Group here has nothing else to set. */
function assertOnlyNameAndMembers(before: Record<string, unknown>, after: Record<string, unknown>): void {
  const rest = ({ displayName: _n, members: _m, ...others }: Record<string, unknown>) => JSON.stringify(others);
  if (rest(before) !== rest(after)) throw scimError("mutability", "Only a group's displayName and members can be changed.");
  if (typeof after.displayName !== "string") throw scimError("mutability", "A group keeps a displayName.");
}

export const scimPatchGroupCommand = defineCommand({
  feature: "roles.update",
  input: ZById.extend({ patch: ZScimPatchOp }),
  rule: "As Rename Role and Set Role Members; member operations become added and removed ids (adding a member or removing a non-member changes nothing).",
  run: (client, actor, { patch, ...target }) =>
    writeGroup(client, actor, target, async (tx): Promise<GroupChange> => {
      const { base, id } = target;
      const planned = planGroupPatch(patch.Operations);
      if (!planned) return patchWhole(tx, actor, base, id, patch.Operations);
      if (planned.rest.length === 0) return { plan: planned.plan };
      const { resource } = await scimGroupQuery.run(joinTransaction(tx), actor, { base, id, excludedAttributes: ["members"] });
      const patched = applyScimPatch(resource, planned.rest);
      assertOnlyNameAndMembers(resource, patched);
      return { displayName: String(patched.displayName), plan: planned.plan };
    }),
});

export const scimDeleteGroupCommand = defineCommand({
  feature: "roles.delete",
  input: z.object({ id: ZFormId, ifMatch: ZIfMatch }),
  rule: "As Delete Role: never the admin role or Internal/everyone; the actor holds every permission the role carries.",
  run: (client, actor, { id, ifMatch }) =>
    asPrecondition(
      ifMatch,
      client.$transaction(async (tx) => {
        const role = await getRole(tx, actor.tenantId, id);
        assertIfMatch("group", role.version, ifMatch);
        await deleteRoleCommand.run(joinTransaction(tx), actor, { id, version: role.version });
      }, MAPPING_WRITE_TX),
    ),
});
