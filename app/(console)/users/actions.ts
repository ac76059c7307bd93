"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/config/current";
import { createUser, ZCreateUser } from "@/lib/users/create-user";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { deleteUser, ZDeleteUser } from "@/lib/users/delete-user";

export const deleteUserAction = defineAction({ feature: "users.delete", schema: ZDeleteUser }, async (input, actor) => {
  const { qualified } = await deleteUser(db(), actor, input);
  revalidatePath("/users");
  return { message: `User ${qualified} deleted.` };
});

export const createUserAction = defineAction(
  { feature: "users.create", schema: ZCreateUser(getConfig().password_policy) },
  async (input, actor) => {
    const { id } = await createUser(db(), actor, input);
    revalidatePath("/users");
    redirect(`/users/${id}?created=1`);
  },
);
