"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { createRole, ZCreateRole } from "@/lib/roles/create-role";
import { deleteRole, ZDeleteRole } from "@/lib/roles/delete-role";

export const deleteRoleAction = defineAction({ feature: "roles.delete", schema: ZDeleteRole }, async (input, actor) => {
  const { qualified } = await deleteRole(db(), actor, input);
  revalidatePath("/roles");
  return { message: `Role ${qualified} deleted.` };
});

export const createRoleAction = defineAction({ feature: "roles.create", schema: ZCreateRole }, async (input, actor) => {
  const { id } = await createRole(db(), actor, input);
  revalidatePath("/roles");
  redirect(`/roles/${id}?created=1`);
});
