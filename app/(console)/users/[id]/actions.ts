"use server";

import { countOf } from "@/lib/core/plural";
import { revalidatePath } from "next/cache";
import { commandAction } from "@/lib/transport/command-action";
import {
  previewUserRolesCommand,
  resetPasswordCommand,
  setUserRolesCommand,
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
