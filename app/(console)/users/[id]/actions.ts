"use server";

import { countOf } from "@/lib/core/plural";
import { revalidatePath } from "next/cache";
import { commandAction } from "@/lib/transport/command-action";
import { terminateSessionCommand } from "@/lib/sessions/commands";
import {
  disableUserCommand,
  enableUserCommand,
  previewUserRolesCommand,
  resetPasswordCommand,
  setUserRolesCommand,
  unlockUserCommand,
  updateProfileCommand,
  ZResetPasswordForm,
} from "@/lib/users/commands";

export const resetPasswordAction = commandAction(resetPasswordCommand, {
  form: ZResetPasswordForm,
  done: ({ qualified, endedSessions }, input) => {
    revalidatePath(`/users/${input.id}`);
    return { message: `Password of ${qualified} changed. ${countOf(endedSessions, "session")} ended.` };
  },
});

export const setUserRolesAction = commandAction(setUserRolesCommand, {
  done: ({ added, removed }, input) => {
    revalidatePath(`/users/${input.id}`, "layout");
    revalidatePath("/users");
    const parts = [added.length && `added ${added.join(", ")}`, removed.length && `removed ${removed.join(", ")}`].filter(Boolean);
    return { message: parts.length ? `Roles saved: ${parts.join("; ")}.` : "No change to save." };
  },
});

export const updateProfileAction = commandAction(updateProfileCommand, {
  done: ({ qualified }, input) => {
    revalidatePath(`/users/${input.id}`, "layout");
    return { message: `Profile of ${qualified} saved.` };
  },
});

export const previewUserRolesAction = commandAction(previewUserRolesCommand, {
  done: (preview) => ({ message: "Review the changes below, then save.", data: preview }),
});

/** The account controls change the state every tab's header shows, and the list's markers. */
function accountChanged(id: number) {
  revalidatePath(`/users/${id}`, "layout");
  revalidatePath("/users");
}

export const disableUserAction = commandAction(disableUserCommand, {
  done: ({ qualified, endedSessions }, input) => {
    accountChanged(input.id);
    return { message: `${qualified} disabled. ${endedSessions === 1 ? "1 session" : `${endedSessions} sessions`} ended.` };
  },
});

export const enableUserAction = commandAction(enableUserCommand, {
  done: ({ qualified }, input) => (accountChanged(input.id), { message: `${qualified} enabled: they can sign in again.` }),
});

export const unlockUserAction = commandAction(unlockUserCommand, {
  done: ({ qualified }, input) => (accountChanged(input.id), { message: `${qualified} unlocked.` }),
});

export const terminateUserSessionAction = commandAction(terminateSessionCommand, {
  done: ({ user }) => {
    // The command knows the session, not whose page asked: every user page is refreshed.
    revalidatePath("/users", "layout");
    revalidatePath("/sessions");
    return { message: `Session of ${user} terminated.` };
  },
});
