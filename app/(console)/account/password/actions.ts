"use server";

import { defineAction } from "@/lib/transport/action";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { ZChangeOwnPassword } from "@/lib/users/password-policy";

export const changeOwnPasswordAction = defineAction(
  { feature: "self", schema: ZChangeOwnPassword(getConfig().password_policy) },
  async (input, ctx) => {
    const { endedSessions } = await changeOwnPassword(db(), ctx.principal, input, ctx.ip);
    const others = endedSessions === 1 ? "1 other session was" : `${endedSessions} other sessions were`;
    return { message: `Password changed. ${others} signed out.` };
  },
);
