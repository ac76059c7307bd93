"use server";

import { commandAction } from "@/lib/transport/command-action";
import { changeOwnPasswordCommand, ZOwnPasswordForm } from "@/lib/users/commands";

export const changeOwnPasswordAction = commandAction(changeOwnPasswordCommand, {
  form: ZOwnPasswordForm,
  done: ({ endedSessions }) => {
    const others = endedSessions === 1 ? "1 other session was" : `${endedSessions} other sessions were`;
    return { message: `Password changed. ${others} signed out.` };
  },
});
