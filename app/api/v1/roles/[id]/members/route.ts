import { z } from "zod";
import type { CommandInput } from "@/lib/authz/command";
import { isRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";
import { roleMembersQuery } from "@/lib/roles/queries";
import { commandRoute } from "@/lib/transport/command-route";
import { pickerPattern } from "@/lib/users/list-params";

const ZQuery = z.object({
  q: z.string().max(256).optional(),
  size: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(2048).optional(),
});
type Members = Awaited<ReturnType<typeof roleMembersQuery.run>>;

/** A role's members by name, paged by cursor. Internal/everyone has no list: it is everyone. */
export const GET = commandRoute<CommandInput<typeof roleMembersQuery>, Members, { id: string }, z.ZodUndefined, typeof ZQuery>(
  roleMembersQuery,
  {
    query: ZQuery,
    input: ({ query, params }) => {
      const id = Number(params.id);
      // The path names no role unless it is a row id; answered as a missing role, not as bad input.
      if (!isRowId(id)) throw new AppError("NOT_FOUND", "That role does not exist.");
      return { id, pattern: pickerPattern(query.q), size: query.size, after: query.after };
    },
    reply: (answer) => answer,
  },
);
