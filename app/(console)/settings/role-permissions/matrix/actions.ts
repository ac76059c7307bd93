"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { findMatrixRoleCommand, previewScopeRolesCommand, setScopeRolesCommand } from "@/lib/scopes/commands";
import { ZMappingVersion } from "@/lib/scopes/mapping-input";
import { ZScopeRolesChange } from "@/lib/scopes/scope-roles-changes";
import { commandAction } from "@/lib/transport/command-action";

/** Only the scopes whose role set changed, as JSON in one form field: a list of objects does not fit repeated fields. */
const ZMatrixForm = z.object({
  version: ZMappingVersion,
  scopes: z.preprocess(
    (value) => {
      if (typeof value !== "string") return value;
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    },
    ZScopeRolesChange.shape.scopes.min(1, "Change at least one scope."),
  ),
});

export const previewMatrixAction = commandAction(previewScopeRolesCommand, {
  form: ZMatrixForm,
  done: (data) => ({ message: "Review the changes, then save.", data }),
});

export const saveMatrixAction = commandAction(setScopeRolesCommand, {
  form: ZMatrixForm,
  done: ({ changes }) => {
    revalidatePath("/settings/role-permissions", "layout");
    const n = changes.scopes.length;
    return { message: `Scope roles saved: ${n} ${n === 1 ? "scope" : "scopes"} changed.` };
  },
});

/** "Add role column": the role must exist; the column only matters once a tick in it is saved. */
export const findMatrixRoleAction = commandAction(findMatrixRoleCommand, {
  done: (data) => ({ message: `Added a column for ${data.name}.`, data }),
});
