import { rolePickerQuery } from "@/lib/roles/queries";
import { commandRoute } from "@/lib/transport/command-route";
import { pickerPattern } from "@/lib/users/list-params";
import { ZRolePickerQuery } from "@/lib/contracts/authz";

/** Roles by name, paged by cursor, each saying whether the caller may assign it and if not, why. */
export const GET = commandRoute(rolePickerQuery, {
  query: ZRolePickerQuery,
  input: ({ query }) => ({ pattern: pickerPattern(query.q), size: query.size, after: query.after }),
  reply: (answer) => answer,
});
