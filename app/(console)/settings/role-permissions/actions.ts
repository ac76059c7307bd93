"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { checkMappingRole } from "@/lib/scopes/check-mapping-role";
import { createRoleMapping, ZCreateRoleMapping } from "@/lib/scopes/create-role-mapping";
import { deleteRoleMapping, ZDeleteRoleMapping } from "@/lib/scopes/delete-role-mapping";
import { ZRoleName } from "@/lib/scopes/mapping-input";
import { updateRoleMapping, ZUpdateRoleMapping } from "@/lib/scopes/update-role-mapping";

const PATH = "/settings/role-permissions";
const summary = (changes: { scopes: unknown[]; aliases: unknown[] }) =>
  `${changes.scopes.length} scopes and ${changes.aliases.length} aliases changed.`;

export const checkMappingRoleAction = defineAction(
  { feature: "scopes.manage", schema: z.object({ role: ZRoleName }) },
  async (input, actor) => {
    const { role } = await checkMappingRole(db(), actor.principal.tenantId, input.role);
    return { message: `${role} has no permission mapping yet.` };
  },
);

export const createMappingAction = defineAction({ feature: "scopes.manage", schema: ZCreateRoleMapping }, async (input, actor) => {
  const { role, changes } = await createRoleMapping(db(), actor, input);
  revalidatePath(PATH, "layout");
  return { message: `Permission mapping for ${role} added: ${summary(changes)}` };
});

export const updateMappingAction = defineAction({ feature: "scopes.manage", schema: ZUpdateRoleMapping }, async (input, actor) => {
  const { role, changes } = await updateRoleMapping(db(), actor, input);
  revalidatePath(PATH, "layout");
  return { message: `Permission mapping for ${role} saved: ${summary(changes)}` };
});

export const deleteMappingAction = defineAction({ feature: "scopes.manage", schema: ZDeleteRoleMapping }, async (input, actor) => {
  const { role } = await deleteRoleMapping(db(), actor, input);
  revalidatePath(PATH, "layout");
  return { message: input.kind === "alias" ? `Alias ${role} deleted.` : `${role} removed from every scope.` };
});
