"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { getRole } from "@/lib/roles/get-role";
import { previewMemberChange, previewPermissionChange } from "@/lib/roles/preview-role-change";
import { renameRole, ZRenameRole } from "@/lib/roles/rename-role";
import { cleanPermissions } from "@/lib/roles/role-input";
import { setRoleMembers, ZSetRoleMembers } from "@/lib/roles/set-role-members";
import { setRolePermissions, ZSetRolePermissions } from "@/lib/roles/set-role-permissions";

export const renameRoleAction = defineAction({ feature: "roles.update", schema: ZRenameRole }, async (input, actor) => {
  const { from, to } = await renameRole(db(), actor, input);
  revalidatePath("/roles", "layout");
  return { message: `Renamed ${from} to ${to}.` };
});

export const previewPermissionsAction = defineAction({ feature: "roles.update", schema: ZSetRolePermissions }, async (input, actor) => {
  const role = await getRole(db(), actor.principal.tenantId, input.id);
  return {
    message: "Review the changes, then save.",
    data: await previewPermissionChange(db(), role.id, role.grants, cleanPermissions(input.permissions)),
  };
});

export const setPermissionsAction = defineAction({ feature: "roles.update", schema: ZSetRolePermissions }, async (input, actor) => {
  const { added, removed } = await setRolePermissions(db(), actor, input);
  revalidatePath("/roles", "layout");
  return { message: `Permissions saved: ${added.length} added, ${removed.length} removed. Members see the change on their next request.` };
});

export const previewMembersAction = defineAction({ feature: "roles.update", schema: ZSetRoleMembers }, async (input, actor) => {
  const role = await getRole(db(), actor.principal.tenantId, input.id);
  return {
    message: "Review the changes, then save.",
    data: await previewMemberChange(db(), actor.principal.tenantId, role.id, role.grants, input),
  };
});

export const setMembersAction = defineAction({ feature: "roles.update", schema: ZSetRoleMembers }, async (input, actor) => {
  const { added, removed } = await setRoleMembers(db(), actor, input);
  revalidatePath("/roles", "layout");
  return { message: `Users saved: ${added} added, ${removed} removed.` };
});
