"use server";

import { revalidatePath } from "next/cache";
import {
  previewRoleMembersCommand,
  previewRolePermissionsCommand,
  renameRoleCommand,
  setRoleMembersCommand,
  setRolePermissionsCommand,
} from "@/lib/roles/commands";
import { commandAction } from "@/lib/transport/command-action";

export const renameRoleAction = commandAction(renameRoleCommand, {
  done: ({ from, to }) => {
    revalidatePath("/roles", "layout");
    return { message: `Renamed ${from} to ${to}.` };
  },
});

export const previewPermissionsAction = commandAction(previewRolePermissionsCommand, {
  done: (preview) => ({ message: "Review the changes, then save.", data: preview }),
});

export const setPermissionsAction = commandAction(setRolePermissionsCommand, {
  done: ({ added, removed }) => {
    revalidatePath("/roles", "layout");
    return {
      message: `Permissions saved: ${added.length} added, ${removed.length} removed. Members see the change on their next request.`,
    };
  },
});

export const previewMembersAction = commandAction(previewRoleMembersCommand, {
  done: (preview) => ({ message: "Review the changes, then save.", data: preview }),
});

export const setMembersAction = commandAction(setRoleMembersCommand, {
  done: ({ added, removed }) => {
    revalidatePath("/roles", "layout");
    return { message: `Users saved: ${added} added, ${removed} removed.` };
  },
});
