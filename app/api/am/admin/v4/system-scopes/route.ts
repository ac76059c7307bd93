import { updateRolesForScopeCommand } from "@/lib/apim/commands";
import { toScopeListDTO } from "@/lib/apim/dto";
import { ZScopeListBody } from "@/lib/contracts/apim-admin";
import { ifMatchVersion, versionETag } from "@/lib/apim/if-match";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import type { ScopeList } from "@/lib/scopes/list-scopes";
import { scopesQuery } from "@/lib/scopes/queries";
import { commandRoute } from "@/lib/transport/command-route";

const scopeList = (scopes: ScopeList) => Response.json(toScopeListDTO(scopes), { headers: { ETag: versionETag(scopes.version) } });

/** Every system scope with its roles (APIM: getRolesForScope). */
export const GET = commandRoute(scopesQuery, { ...APIM_ROUTE, scope: APIM_SCOPES.scopeManage, input: () => ({}), reply: scopeList });

/** Replaces the roles of every listed scope, whole body or nothing (APIM: updateRolesForScope). */
export const PUT = commandRoute(updateRolesForScopeCommand, {
  ...APIM_ROUTE,
  scope: APIM_SCOPES.scopeManage,
  body: ZScopeListBody,
  input: ({ body, request }) => ({ version: ifMatchVersion(request), scopes: body.list.map((s) => ({ name: s.name, roles: s.roles })) }),
  reply: scopeList,
});
