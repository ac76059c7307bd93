import { z } from "zod";
import type { CommandInput } from "@/lib/authz/command";
import { isRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";
import { roleMembersQuery } from "@/lib/roles/queries";
import { commandRoute } from "@/lib/transport/command-route";
import { ZMemberPickerQuery } from "@/lib/contracts/authz";

type Members = Awaited<ReturnType<typeof roleMembersQuery.run>>;

/** A role's members by name (as the console searches, name-search.ts), paged by cursor. Internal/everyone has no list: it is everyone. */
export const GET = commandRoute<CommandInput<typeof roleMembersQuery>, Members, { id: string }, z.ZodUndefined, typeof ZMemberPickerQuery>(
  roleMembersQuery,
  {
    query: ZMemberPickerQuery,
    input: ({ query, params }) => {
      const id = Number(params.id);
      // The path names no role unless it is a row id; answered as a missing role, not as bad input.
      if (!isRowId(id)) throw new AppError("NOT_FOUND", "That role does not exist.");
      return { id, search: query.q ?? "", size: query.size, after: query.after };
    },
    reply: (answer) => answer,
  },
);
