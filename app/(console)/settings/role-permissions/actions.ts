"use server";

import { countOf } from "@/lib/core/plural";
import { revalidatePath } from "next/cache";
import {
  checkMappingRoleCommand,
  createScopeMappingCommand,
  deleteScopeMappingCommand,
  updateScopeMappingCommand,
} from "@/lib/scopes/commands";
import { commandAction } from "@/lib/transport/command-action";

const PATH = "/settings/role-permissions";
const summary = (changes: { scopes: unknown[]; aliases: unknown[] }) =>
  `${countOf(changes.scopes.length, "scope")} and ${countOf(changes.aliases.length, "alias", "aliases")} changed.`;

export const checkMappingRoleAction = commandAction(checkMappingRoleCommand, {
  done: ({ role }) => ({ message: `${role} has no permission mapping yet.` }),
});

export const createScopeMappingAction = commandAction(createScopeMappingCommand, {
  done: ({ role, changes }) => {
    revalidatePath(PATH, "layout");
    return { message: `Permission mapping for ${role} added: ${summary(changes)}` };
  },
});

export const updateScopeMappingAction = commandAction(updateScopeMappingCommand, {
  done: ({ role, changes }) => {
    revalidatePath(PATH, "layout");
    return { message: `Permission mapping for ${role} saved: ${summary(changes)}` };
  },
});

export const deleteScopeMappingAction = commandAction(deleteScopeMappingCommand, {
  done: ({ role }, input) => {
    revalidatePath(PATH, "layout");
    return { message: input.kind === "alias" ? `Alias ${role} deleted.` : `${role} removed from every scope.` };
  },
});
