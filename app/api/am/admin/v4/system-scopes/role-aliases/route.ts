import { toRoleAliasListDTO } from "@/lib/apim/dto";
import { ZRoleAliasListBody } from "@/lib/contracts/apim-admin";
import { ifMatchVersion, versionETag, withPrecondition } from "@/lib/apim/if-match";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { listRoleAliases } from "@/lib/scopes/list-scopes";
import { setRoleAliases } from "@/lib/scopes/set-role-aliases";

async function aliasList(tenantId: number): Promise<Response> {
  const aliases = await listRoleAliases(db(), tenantId);
  return Response.json(toRoleAliasListDTO(aliases), { headers: { ETag: versionETag(aliases.version) } });
}

/** Every role alias, grouped by the role that appears in scopes. */
export const GET = defineRoute({ ...APIM_ROUTE, scope: APIM_SCOPES.roleManage }, async (_input, { principal }) =>
  aliasList(principal.tenantId),
);

/** Replaces all role aliases with the body, in one transaction. */
export const PUT = defineRoute(
  { ...APIM_ROUTE, scope: APIM_SCOPES.roleManage, body: ZRoleAliasListBody },
  async ({ body, request }, actor) => {
    const version = ifMatchVersion(request);
    await withPrecondition(version, () => setRoleAliases(db(), actor, { version, list: body.list }));
    return aliasList(actor.principal.tenantId);
  },
);
