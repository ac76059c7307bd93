"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { commandAction } from "@/lib/transport/command-action";
import { cancelImportCommand, startImportCommand } from "@/lib/user-import/commands";

export const startImportAction = commandAction(startImportCommand, {
  done: ({ id }) => {
    revalidatePath(`/users/import/${id}`);
    return { message: "Import started." };
  },
});

export const cancelImportAction = commandAction(cancelImportCommand, {
  done: ({ id, discarded }) => {
    if (discarded) redirect("/users/import?discarded=1");
    revalidatePath(`/users/import/${id}`);
    return { message: "Cancelling: the import stops after the chunk it is writing." };
  },
});
