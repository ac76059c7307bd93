import { commandRoute } from "@/lib/transport/command-route";
import { userPickerQuery, ZUserPickerParams } from "@/lib/users/queries";

/** Users by name (a bare word means "starts with"), paged by cursor. Feeds the user pickers and scripts. */
export const GET = commandRoute(userPickerQuery, {
  query: ZUserPickerParams,
  input: ({ query }) => query,
  reply: (result) => result,
});
