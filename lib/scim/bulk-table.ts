/**
 * What each bulk operation (method × resource) runs: the same command, input mapping and
 * contract as the single-resource route, and the fine-grained IS 7 scope that admits it.
 */
import type { z } from "zod";
import type { Command } from "../authz/command.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Actor } from "../authz/principal.ts";
import { ZScimGroupBody, ZScimPatchOp, ZScimUserBody } from "../contracts/scim.ts";
import { describeIssues } from "../core/zod-issues.ts";
import type { Db } from "../db/client.ts";
import { deleteUserCommand } from "../users/commands.ts";
import type { ScimDialect } from "./dialect.ts";
import { scimGroupQuery, scimUserQuery, type ScimOne } from "./queries.ts";
import { version } from "./resources.ts";
import { scimError } from "./scim-error.ts";
import { newUserFromBody } from "./user-body.ts";
import { scimCreateGroupCommand, scimDeleteGroupCommand, scimPatchGroupCommand, scimReplaceGroupCommand } from "./group-writes.ts";
import { scimPatchUserCommand, scimReplaceUserCommand } from "./user-writes.ts";
import { deleteInput, scimCreateUserCommand } from "./writes.ts";

/**
 * One operation, its bulkIds resolved: the base address, the path's id, the data and the version
 * (If-Match); a GET's projection (its path's query or data, as IS reads it); and the tenant's SCIM
 * dialect, read once per bulk request rather than per operation.
 */
export type BulkTarget = {
  base: string;
  id: number;
  data: Record<string, unknown>;
  version: string | null;
  projection: { attributes?: string[]; excludedAttributes?: string[] };
  dialect: () => Promise<ScimDialect>;
};
/** A successful operation as the BulkResponse shows it; a GET's also carries the resource. */
export type BulkDone = { status: number; location?: string; version?: string; response?: unknown };

export type BulkEntry = {
  feature: FeatureKey | "self";
  scope: string;
  run: (client: Db, actor: Actor, target: BulkTarget) => Promise<BulkDone>;
};

function entry<I, R>(
  command: Command<I, R>,
  scope: string,
  input: (target: BulkTarget, actor: Actor, client: Db) => I | Promise<I>,
  reply: (result: R) => BulkDone,
): BulkEntry {
  return {
    feature: command.feature,
    scope,
    run: async (client, actor, target) => reply(await command.run(client, actor, await input(target, actor, client))),
  };
}

/** An operation's data through the single route's body contract (what readBody does for it). */
export function bulkData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) throw scimError("invalidSyntax", describeIssues(parsed.error));
  return parsed.data;
}

const written = (status: number) => (one: ScimOne) => ({
  status,
  location: (one.resource.meta as { location: string }).location,
  version: version(one.version),
});
const deleted = () => ({ status: 204 });

/** A read: its location from the id, since the projection may leave meta out of the resource. */
function reading(command: Command<ScimRead, ScimOne>, scope: string, kind: "Users" | "Groups"): BulkEntry {
  return {
    feature: command.feature,
    scope,
    run: async (client, actor, { base, id, projection }) => {
      const one = await command.run(client, actor, { base, id, ...projection });
      return { status: 200, location: `${base}/${kind}/${id}`, version: version(one.version), response: one.resource };
    },
  };
}
type ScimRead = { base: string; id: number } & BulkTarget["projection"];

const ifMatch = (v: string | null) => v ?? undefined;

/**
 * Keyed "METHOD Resource" for a collection path, "METHOD Resource/id" for a resource's. IS 7 has
 * no bulk scope for reads: a GET is admitted by the single GET route's scope (or the all-in-one).
 */
export const BULK_TABLE: Partial<Record<string, BulkEntry>> = {
  "GET Users/id": reading(scimUserQuery, "internal_user_mgt_view", "Users"),
  "GET Groups/id": reading(scimGroupQuery, "internal_group_mgt_view", "Groups"),
  "POST Users": entry(
    scimCreateUserCommand,
    "internal_bulk_user_create",
    async ({ base, data, dialect }) => ({ base, user: newUserFromBody(bulkData(ZScimUserBody, data), await dialect()) }),
    written(201),
  ),
  "PUT Users/id": entry(
    scimReplaceUserCommand,
    "internal_bulk_user_update",
    ({ base, id, data, version: v }) => ({ base, id, ifMatch: ifMatch(v), body: bulkData(ZScimUserBody, data) }),
    written(200),
  ),
  "PATCH Users/id": entry(
    scimPatchUserCommand,
    "internal_bulk_user_update",
    ({ base, id, data, version: v }) => ({ base, id, ifMatch: ifMatch(v), patch: bulkData(ZScimPatchOp, data) }),
    written(200),
  ),
  "DELETE Users/id": entry(
    deleteUserCommand,
    "internal_bulk_user_delete",
    ({ id, version: v }, actor, client) => deleteInput(client, actor, id, v),
    deleted,
  ),
  "POST Groups": entry(
    scimCreateGroupCommand,
    "internal_bulk_group_create",
    ({ base, data }) => ({ base, body: bulkData(ZScimGroupBody, data) }),
    written(201),
  ),
  "PUT Groups/id": entry(
    scimReplaceGroupCommand,
    "internal_bulk_group_update",
    ({ base, id, data, version: v }) => ({ base, id, ifMatch: v, body: bulkData(ZScimGroupBody, data) }),
    written(200),
  ),
  "PATCH Groups/id": entry(
    scimPatchGroupCommand,
    "internal_bulk_group_update",
    ({ base, id, data, version: v }) => ({ base, id, ifMatch: v, patch: bulkData(ZScimPatchOp, data) }),
    written(200),
  ),
  "DELETE Groups/id": entry(scimDeleteGroupCommand, "internal_bulk_group_delete", ({ id, version: v }) => ({ id, ifMatch: v }), deleted),
};
