/**
 * The "Add role permission" wizard's save. The role must exist and must not have a mapping yet
 * (not on any scope, not an alias): otherwise "Permission mapping exist", as APIM says.
 *
 *   createScopeMapping(db, actor, { mode: "alias", role: "creator", targets: ["Internal/creator"] })
 *   createScopeMapping(db, actor, { mode: "custom", role: "Internal/dev", scopes: ["apim:api_view"] })
 *
 * No version: nothing can be overwritten, and the existence check runs under the mapping lock.
 * Returns the new mapping version.
 */
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { requireUnmappedRole } from "./check-mapping-role.ts";
import { ZMappingBody, type TMappingBody } from "./mapping-input.ts";
import { loadMappingState } from "./mapping-state.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { scopeMappingChanges } from "./scope-mapping-changes.ts";
import { commitChanges, type CommitResult } from "./write-mapping.ts";

export const ZCreateScopeMapping = ZMappingBody;
export type TCreateScopeMapping = TMappingBody;

export async function createScopeMapping(client: Db, actor: Actor, body: TCreateScopeMapping): Promise<CommitResult & { role: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, tenantId);
    const state = await loadMappingState(tx, tenantId);
    const role = await requireUnmappedRole(tx, tenantId, body.role, state);
    state.roles.set(role.id, { id: role.id, name: role.qualified, kind: role.kind });
    const changes = await scopeMappingChanges(tx, state, role.id, body);
    const result = await commitChanges(tx, actor, state, current, changes, {
      action: "scopes.mapping_created",
      target: { type: "role", id: role.id, name: role.qualified },
      extra: { mode: body.mode },
    });
    return { ...result, role: role.qualified };
  }, MAPPING_WRITE_TX);
}
