/**
 * Save of the scopes x roles matrix, and PUT /system-scopes: every listed scope gets exactly
 * the listed roles, in one transaction (see scope-roles-changes.ts for what is refused).
 *
 *   setScopeRoles(db, actor, { version, scopes: [{ name: "apim:api_view", roles: ["admin", "Internal/dev"] }] })
 *
 * With `version`, a save based on an outdated read fails with STALE_VERSION. Without it (the
 * APIM contract) the last write wins, but only ever as a whole body: writers queue on the
 * mapping-version lock.
 */
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { loadMappingState } from "./mapping-state.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { NO_ALIAS_CHANGES } from "./plan-mapping.ts";
import { scopeRolesChanges, ZScopeRolesChange, type TScopeRolesChange } from "./scope-roles-changes.ts";
import { commitChanges, type CommitResult } from "./write-mapping.ts";

export const ZSetScopeRoles = ZScopeRolesChange;
export type TSetScopeRoles = TScopeRolesChange;

export async function setScopeRoles(client: Db, actor: Actor, body: TSetScopeRoles): Promise<CommitResult> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, tenantId, body.version);
    const state = await loadMappingState(tx, tenantId);
    const scopes = await scopeRolesChanges(tx, state, body.scopes);
    return commitChanges(
      tx,
      actor,
      state,
      current,
      { scopes, aliases: NO_ALIAS_CHANGES },
      {
        action: "scopes.roles_set",
        target: { type: "scopes", name: `${scopes.length} scopes` },
      },
    );
  }, MAPPING_WRITE_TX);
}
