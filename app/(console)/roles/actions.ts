"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createRoleCommand, deleteRoleCommand } from "@/lib/roles/commands";
import { checkRoleNameQuery } from "@/lib/roles/queries";
import { commandAction } from "@/lib/transport/command-action";

export const deleteRoleAction = commandAction(deleteRoleCommand, {
  done: ({ qualified }) => {
    revalidatePath("/roles");
    return { message: `Role ${qualified} deleted.` };
  },
});

export const createRoleAction = commandAction(createRoleCommand, {
  done: ({ id }) => {
    revalidatePath("/roles");
    redirect(`/roles/${id}?created=1`);
  },
});

export const checkRoleNameAction = commandAction(checkRoleNameQuery, {
  done: ({ qualified }) => ({ message: `${qualified} is free.` }),
});
