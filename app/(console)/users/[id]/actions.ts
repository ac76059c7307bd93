"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/transport/action";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { resetUserPassword, ZResetUserPassword } from "@/lib/users/reset-user-password";
import { setUserRoles, ZSetUserRoles } from "@/lib/users/set-user-roles";
import { updateUserClaims, ZUpdateUserClaims } from "@/lib/users/update-user-claims";
import { previewUserRoles } from "@/lib/users/preview-user-roles";

export const resetPasswordAction = defineAction(
  { feature: "users.password", schema: ZResetUserPassword(getConfig().password_policy) },
  async (input, actor) => {
    const { qualified, endedSessions } = await resetUserPassword(db(), actor, input);
    revalidatePath(`/users/${input.id}`);
    return { message: `Password of ${qualified} changed. ${endedSessions === 1 ? "1 session" : `${endedSessions} sessions`} ended.` };
  },
);

export const setUserRolesAction = defineAction({ feature: "users.update", schema: ZSetUserRoles }, async (input, actor) => {
  const { added, removed } = await setUserRoles(db(), actor, input);
  revalidatePath(`/users/${input.id}`, "layout");
  revalidatePath("/users");
  const parts = [added.length && `added ${added.join(", ")}`, removed.length && `removed ${removed.join(", ")}`].filter(Boolean);
  return { message: parts.length ? `Roles saved: ${parts.join("; ")}.` : "No change to save." };
});

export const updateProfileAction = defineAction({ feature: "users.profile", schema: ZUpdateUserClaims }, async (input, actor) => {
  const { qualified } = await updateUserClaims(db(), actor, input);
  revalidatePath(`/users/${input.id}`, "layout");
  return { message: `Profile of ${qualified} saved.` };
});

export const previewUserRolesAction = defineAction({ feature: "users.update", schema: ZSetUserRoles }, async (input, actor) => ({
  message: "Review the changes below, then save.",
  data: await previewUserRoles(db(), actor.principal.tenantId, input.id, input),
}));
