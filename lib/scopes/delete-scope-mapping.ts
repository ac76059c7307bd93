/**
 * Delete on the Role Permissions page, as in APIM: `kind: "custom"` takes the role off every
 * scope; `kind: "alias"` removes only its alias rows (the roles it maps to keep their scopes).
 * The admin role's scopes can never be deleted.
 *
 *   deleteScopeMapping(db, actor, { version, role: "creator", kind: "alias" })
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { findRoleByName } from "../roles/find-role.ts";
import { ZMappingVersion, ZRoleName } from "./mapping-input.ts";
import { loadMappingState } from "./mapping-state.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { assertAdminKept, diffAliases, diffScopes, NO_ALIAS_CHANGES, type MappingChanges } from "./plan-mapping.ts";
import { commitChanges, type CommitResult } from "./write-mapping.ts";

export const ZDeleteScopeMapping = z.object({ version: ZMappingVersion, role: ZRoleName, kind: z.enum(["alias", "custom"]) });
export type TDeleteScopeMapping = z.infer<typeof ZDeleteScopeMapping>;

export async function deleteScopeMapping(client: Db, actor: Actor, body: TDeleteScopeMapping): Promise<CommitResult & { role: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, tenantId, body.version);
    const role = await findRoleByName(tx, tenantId, body.role);
    if (!role) throw new AppError("NOT_FOUND", `There is no role named "${body.role}".`, { field: "role" });
    const state = await loadMappingState(tx, tenantId);
    let changes: MappingChanges;
    if (body.kind === "custom") {
      const scopes = diffScopes(state, new Map(state.scopes.map((s) => [s.id, new Set([...s.roleIds].filter((id) => id !== role.id))])));
      assertAdminKept(state, scopes);
      changes = { scopes, aliases: NO_ALIAS_CHANGES };
    } else {
      changes = { scopes: [], aliases: diffAliases(state.aliases, [], (p) => p.aliasRoleId === role.id) };
    }
    if (changes.scopes.length === 0 && changes.aliases.removed.length === 0) {
      const what = body.kind === "custom" ? "is not on any scope" : "is not an alias of any role";
      throw new AppError("NOT_FOUND", `${role.qualified} ${what}.`, { field: "role" });
    }
    const result = await commitChanges(tx, actor, state, current, changes, {
      action: "scopes.mapping_deleted",
      target: { type: "role", id: role.id, name: role.qualified },
      extra: { kind: body.kind },
    });
    return { ...result, role: role.qualified };
  }, MAPPING_WRITE_TX);
}
