"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { commandAction } from "@/lib/transport/command-action";
import { createUserCommand, deleteUserCommand, ZNewUserForm } from "@/lib/users/commands";

export const deleteUserAction = commandAction(deleteUserCommand, {
  done: ({ qualified }) => {
    revalidatePath("/users");
    return { message: `User ${qualified} deleted.` };
  },
});

export const createUserAction = commandAction(createUserCommand, {
  form: ZNewUserForm,
  done: ({ id }) => {
    revalidatePath("/users");
    redirect(`/users/${id}?created=1`);
  },
});
