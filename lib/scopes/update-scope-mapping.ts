/**
 * Edit of one role's mapping: the role's mapping becomes exactly the body. Switching mode is
 * allowed and clean: saving as "alias" takes the role off every scope; saving as "custom"
 * drops its alias rows. The admin role can never lose a scope, so it cannot become an alias.
 *
 *   updateScopeMapping(db, actor, { version, mode: "custom", role: "Internal/dev", scopes: [...] })
 *
 * Refuses a role without a mapping (NOT_FOUND) and a stale `version` (STALE_VERSION).
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { findRoleByName } from "../roles/find-role.ts";
import { ZMappingBody, ZMappingVersion } from "./mapping-input.ts";
import { hasMapping, loadMappingState } from "./mapping-state.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { scopeMappingChanges } from "./scope-mapping-changes.ts";
import { commitChanges, type CommitResult } from "./write-mapping.ts";

export const ZUpdateScopeMapping = ZMappingBody.and(z.object({ version: ZMappingVersion }));
export type TUpdateScopeMapping = z.infer<typeof ZUpdateScopeMapping>;

export async function updateScopeMapping(client: Db, actor: Actor, body: TUpdateScopeMapping): Promise<CommitResult & { role: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, tenantId, body.version);
    const role = await findRoleByName(tx, tenantId, body.role);
    const state = await loadMappingState(tx, tenantId);
    if (!role || !hasMapping(state, role.id))
      throw new AppError("NOT_FOUND", `"${body.role}" has no permission mapping.`, { field: "role" });
    const changes = await scopeMappingChanges(tx, state, role.id, body);
    const result = await commitChanges(tx, actor, state, current, changes, {
      action: "scopes.mapping_updated",
      target: { type: "role", id: role.id, name: role.qualified },
      extra: { mode: body.mode },
    });
    return { ...result, role: role.qualified };
  }, MAPPING_WRITE_TX);
}
