/**
 * PUT /system-scopes/role-aliases: the tenant's aliases become exactly the body, as WSO2
 * replaces the whole RoleMappings object. Each entry's `role` is the target that appears in
 * scopes; each alias gets every scope the target gets. A role listed among its own aliases is
 * ignored (WSO2's tenant-conf.json writes it that way); unknown roles are refused by name.
 *
 *   setRoleAliases(db, actor, { list: [{ role: "Internal/creator", aliases: ["creator"] }] })
 *
 * `version` as in setScopeRoles: optional for the APIM contract, STALE_VERSION when outdated.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import type { Actor } from "../authz/principal.ts";
import { ZMappingVersion, ZRoleName, ZRoleNameList } from "./mapping-input.ts";
import { loadMappingState, type AliasPair } from "./mapping-state.ts";
import { lockMappingVersion, MAPPING_WRITE_TX } from "../roles/mapping-version.ts";
import { diffAliases } from "./plan-mapping.ts";
import { requireRoles } from "./resolve-names.ts";
import { commitChanges, type CommitResult } from "./write-mapping.ts";

export const ZSetRoleAliases = z.object({
  version: ZMappingVersion.optional(),
  list: z.array(z.object({ role: ZRoleName, aliases: ZRoleNameList })).max(1000),
});
export type TSetRoleAliases = z.infer<typeof ZSetRoleAliases>;

export async function setRoleAliases(client: Db, actor: Actor, body: TSetRoleAliases): Promise<CommitResult> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const current = await lockMappingVersion(tx, tenantId, body.version);
    const state = await loadMappingState(tx, tenantId);
    const roles = await requireRoles(
      tx,
      state,
      body.list.flatMap((e) => [e.role, ...e.aliases]),
      "list",
    );
    const desired: AliasPair[] = body.list.flatMap((e) => {
      const target = roles.get(e.role)!.id;
      return e.aliases.map((a) => ({ roleId: target, aliasRoleId: roles.get(a)!.id })).filter((p) => p.aliasRoleId !== target);
    });
    const aliases = diffAliases(state.aliases, desired, () => true);
    return commitChanges(
      tx,
      actor,
      state,
      current,
      { scopes: [], aliases },
      {
        action: "scopes.aliases_set",
        target: { type: "role_aliases", name: `${body.list.length} roles` },
      },
    );
  }, MAPPING_WRITE_TX);
}
