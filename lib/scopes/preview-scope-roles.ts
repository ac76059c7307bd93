/**
 * The matrix's "preview before save": what setScopeRoles would change, without writing.
 *
 *   previewScopeRoles(db, tenantId, { version, scopes: [...] })
 *   // { version, changes: { scopes: [{ scope, added, removed }], aliases: [] },
 *   //   roles: [{ role, gained: [scope...], lost: [scope...], followers: [alias roles that follow it] }] }
 *
 * Refuses what the save would refuse (unknown names, removing the admin role). `version` is
 * the mapping version the preview was computed against: pass it to setScopeRoles.
 */
import type { Db } from "../db/client.ts";
import { loadMappingState } from "./mapping-state.ts";
import { staleMappingError } from "../roles/mapping-version.ts";
import { nameChanges, NO_ALIAS_CHANGES, roleImpact, type NamedChanges, type RoleImpact } from "./plan-mapping.ts";
import { scopeRolesChanges, type TScopeRolesChange } from "./scope-roles-changes.ts";

export type ScopeRolesPreview = { version: number; changes: NamedChanges; roles: RoleImpact[] };

export async function previewScopeRoles(client: Db, tenantId: number, body: TScopeRolesChange): Promise<ScopeRolesPreview> {
  const state = await loadMappingState(client, tenantId);
  if (body.version !== undefined && body.version !== state.version) {
    throw staleMappingError();
  }
  const scopes = await scopeRolesChanges(client, state, body.scopes);
  return { version: state.version, changes: nameChanges(state, { scopes, aliases: NO_ALIAS_CHANGES }), roles: roleImpact(state, scopes) };
}
