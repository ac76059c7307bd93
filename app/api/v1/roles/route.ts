import { z } from "zod";
import { rolePickerQuery } from "@/lib/roles/queries";
import { commandRoute } from "@/lib/transport/command-route";
import { pickerPattern } from "@/lib/users/list-params";

const ZQuery = z.object({
  q: z.string().max(256).optional(),
  size: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().max(2048).optional(),
});

/** Roles by name, paged by cursor, each saying whether the caller may assign it and if not, why. */
export const GET = commandRoute(rolePickerQuery, {
  query: ZQuery,
  input: ({ query }) => ({ pattern: pickerPattern(query.q), size: query.size, after: query.after }),
  reply: (answer) => answer,
});
