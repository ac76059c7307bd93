import { checkAccessCommand } from "@/lib/authz-check/commands";
import { AUTHZ_CHECK_ROUTE } from "@/lib/authz-check/route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** May this user do that? `{user, permission}` or `{user, scope}` -> `{allowed, reason}`, in the caller's tenant. */
export const POST = commandRoute(checkAccessCommand, { ...AUTHZ_CHECK_ROUTE, input: ({ body }) => body, reply: (decision) => decision });
