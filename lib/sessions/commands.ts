import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { terminateSession } from "./terminate-session.ts";

// Every operation on sessions, one command each (lib/authz/command.ts).

export const terminateSessionCommand = defineCommand({
  feature: "sessions.revoke",
  input: z.object({ sessionId: z.string().min(16).max(128) }),
  rule: "The actor holds every permission the session's user holds.",
  run: (client, actor, input) => terminateSession(client, actor, input.sessionId, actor.ip),
});
