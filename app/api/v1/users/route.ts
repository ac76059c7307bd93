import { commandRoute } from "@/lib/transport/command-route";
import { userPickerQuery } from "@/lib/users/queries";
import { ZUserPickerQuery } from "@/lib/contracts/authz";

/** Users by name (text without `*` anywhere in the name, exact names first), paged by cursor. Feeds the user pickers and scripts. */
export const GET = commandRoute(userPickerQuery, {
  query: ZUserPickerQuery,
  input: ({ query }) => query,
  reply: (result) => result,
});
