"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findRoleByName } from "@/lib/roles/find-role";
import { ZMappingVersion, ZRoleName } from "@/lib/scopes/mapping-input";
import { previewScopeRoles, type ScopeRolesPreview } from "@/lib/scopes/preview-scope-roles";
import { setScopeRoles } from "@/lib/scopes/set-scope-roles";
import { ZScopeRolesChange } from "@/lib/scopes/scope-roles-changes";

/** Only the scopes whose role set changed, as JSON in one form field: a list of objects does not fit repeated fields. */
const ZMatrixChange = z.object({
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

export const previewMatrixAction = defineAction({ feature: "scopes.manage", schema: ZMatrixChange }, async (input, { principal }) => {
  const data: ScopeRolesPreview = await previewScopeRoles(db(), principal.tenantId, input);
  return { message: "Review the changes, then save.", data };
});

export const saveMatrixAction = defineAction({ feature: "scopes.manage", schema: ZMatrixChange }, async (input, actor) => {
  const { changes } = await setScopeRoles(db(), actor, input);
  revalidatePath("/settings/role-permissions", "layout");
  const n = changes.scopes.length;
  return { message: `Scope roles saved: ${n} ${n === 1 ? "scope" : "scopes"} changed.` };
});

/** "Add role column": the role must exist; the column only matters once a tick in it is saved. */
export const findMatrixRoleAction = defineAction(
  { feature: "scopes.manage", schema: z.object({ role: ZRoleName }) },
  async (input, { principal }) => {
    const role = await findRoleByName(db(), principal.tenantId, input.role);
    if (!role) throw new AppError("NOT_FOUND", `There is no role named "${input.role}".`, { field: "role" });
    if (role.kind === "system") throw new AppError("INVALID_INPUT", "Internal/system is reserved.", { field: "role" });
    if (role.kind === "everyone")
      throw new AppError("INVALID_INPUT", "Internal/everyone is every user; it already has its own column where it is used.", {
        field: "role",
      });
    return { message: `Added a column for ${role.qualified}.`, data: { name: role.qualified } };
  },
);
