"use server";

import { revalidatePath } from "next/cache";
import { terminateSessionCommand } from "@/lib/sessions/commands";
import { commandAction } from "@/lib/transport/command-action";

export const terminateSessionAction = commandAction(terminateSessionCommand, {
  done: ({ user }) => {
    revalidatePath("/sessions");
    return { message: `Session of ${user} terminated.` };
  },
});
