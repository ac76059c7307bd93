import { decodePathName } from "@/lib/apim/path-name";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { findRoleByName } from "@/lib/roles/find-role";

/** 200 when the base64url-encoded role ("Internal/creator", "PRIMARY/dev", "admin") exists, 404 when not; no body. */
export const HEAD = defineRoute<{ roleId: string }>({ ...APIM_ROUTE, scope: APIM_SCOPES.roleManage }, async ({ params }, { principal }) => {
  const name = decodePathName(params.roleId);
  const role = name === null ? null : await findRoleByName(db(), principal.tenantId, name);
  return new Response(null, { status: role ? 200 : 404 });
});
