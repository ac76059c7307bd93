import { updateRoleAliasesCommand } from "@/lib/apim/commands";
import { toRoleAliasListDTO } from "@/lib/apim/dto";
import { ZRoleAliasListBody } from "@/lib/contracts/apim-admin";
import { ifMatchVersion, versionETag } from "@/lib/apim/if-match";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import type { RoleAliasList } from "@/lib/scopes/list-scopes";
import { roleAliasesQuery } from "@/lib/scopes/queries";
import { commandRoute } from "@/lib/transport/command-route";

const aliasList = (aliases: RoleAliasList) =>
  Response.json(toRoleAliasListDTO(aliases), { headers: { ETag: versionETag(aliases.version) } });

/** Every role alias, grouped by the role that appears in scopes. */
export const GET = commandRoute(roleAliasesQuery, { ...APIM_ROUTE, scope: APIM_SCOPES.roleManage, input: () => ({}), reply: aliasList });

/** Replaces all role aliases with the body, in one transaction. */
export const PUT = commandRoute(updateRoleAliasesCommand, {
  ...APIM_ROUTE,
  scope: APIM_SCOPES.roleManage,
  body: ZRoleAliasListBody,
  input: ({ body, request }) => ({ version: ifMatchVersion(request), list: body.list }),
  reply: aliasList,
});
