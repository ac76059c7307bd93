import { toScopeListDTO } from "@/lib/apim/dto";
import { ZScopeListBody } from "@/lib/contracts/apim-admin";
import { ifMatchVersion, versionETag, withPrecondition } from "@/lib/apim/if-match";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { listScopes } from "@/lib/scopes/list-scopes";
import { setScopeRoles } from "@/lib/scopes/set-scope-roles";

async function scopeList(tenantId: number): Promise<Response> {
  const scopes = await listScopes(db(), tenantId);
  return Response.json(toScopeListDTO(scopes), { headers: { ETag: versionETag(scopes.version) } });
}

/** Every system scope with its roles (APIM: getRolesForScope). */
export const GET = defineRoute({ ...APIM_ROUTE, scope: APIM_SCOPES.scopeManage }, async (_input, { principal }) =>
  scopeList(principal.tenantId),
);

/** Replaces the roles of every listed scope, whole body or nothing (APIM: updateRolesForScope). */
export const PUT = defineRoute(
  { ...APIM_ROUTE, scope: APIM_SCOPES.scopeManage, body: ZScopeListBody },
  async ({ body, request }, actor) => {
    const version = ifMatchVersion(request);
    await withPrecondition(version, () =>
      setScopeRoles(db(), actor, { version, scopes: body.list.map((s) => ({ name: s.name, roles: s.roles })) }),
    );
    return scopeList(actor.principal.tenantId);
  },
);
