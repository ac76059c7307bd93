import type { z } from "zod";
import type { Command } from "@/lib/authz/command";
import { ZAccountStateBody } from "@/lib/contracts/authz";
import { isRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";
import { commandRoute } from "@/lib/transport/command-route";

type AccountRef = { id: number; version: number };

/**
 * POST /api/v1/users/{id}/disable | enable | unlock: the MI's users API has no equivalent (it
 * adds, lists, deletes and changes passwords), so these are Gatehouse's own, over the console's commands.
 */
export function accountStateRoute<R extends { qualified: string }>(command: Command<AccountRef, R>, status: string) {
  return commandRoute<AccountRef, R, { id: string }, typeof ZAccountStateBody, z.ZodUndefined>(command, {
    body: ZAccountStateBody,
    input: ({ params, body }) => {
      const id = Number(params.id);
      if (!isRowId(id)) throw new AppError("NOT_FOUND", "That user does not exist.");
      return { id, version: body.version };
    },
    reply: (result) => ({ ...result, status }),
  });
}
