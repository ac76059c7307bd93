"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { terminateSession } from "@/lib/sessions/terminate-session";

const ZTerminateSession = z.object({ sessionId: z.string().min(16).max(128) });

export const terminateSessionAction = defineAction({ feature: "sessions.revoke", schema: ZTerminateSession }, async (input, ctx) => {
  const { user } = await terminateSession(db(), ctx.principal, input.sessionId, ctx.ip);
  revalidatePath("/sessions");
  return { message: `Session of ${user} terminated.` };
});
