import { roleExistsQuery } from "@/lib/apim/commands";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import { commandRoute } from "@/lib/transport/command-route";

/** 200 when the base64url-encoded role ("Internal/creator", "PRIMARY/dev", "admin") exists, 404 when not; no body. */
export const HEAD = commandRoute<{ roleId: string }, boolean, { roleId: string }>(roleExistsQuery, {
  ...APIM_ROUTE,
  scope: APIM_SCOPES.roleManage,
  input: ({ params }) => ({ roleId: params.roleId }),
  reply: (exists) => new Response(null, { status: exists ? 200 : 404 }),
});
