import { rolePickerQuery } from "@/lib/roles/queries";
import { commandRoute } from "@/lib/transport/command-route";
import { ZRolePickerQuery } from "@/lib/contracts/authz";

/**
 * Roles by name (text without `*` anywhere in the name, exact names first), paged by cursor, each saying whether the
 * caller may assign it and if not, why.
 */
export const GET = commandRoute(rolePickerQuery, {
  query: ZRolePickerQuery,
  input: ({ query }) => ({ search: query.q ?? "", size: query.size, after: query.after }),
  reply: (answer) => answer,
});
