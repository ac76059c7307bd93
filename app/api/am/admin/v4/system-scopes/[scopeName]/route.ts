import { z } from "zod";
import { scopeOfUserQuery } from "@/lib/apim/commands";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import type { CommandInput } from "@/lib/authz/command";
import { commandRoute } from "@/lib/transport/command-route";
import { ZScopeHolderQuery } from "@/lib/contracts/apim-admin";

/** {name} when the user (the caller without ?username) holds the base64url-encoded scope; 404 otherwise. */
export const GET = commandRoute<
  CommandInput<typeof scopeOfUserQuery>,
  { name: string },
  { scopeName: string },
  z.ZodUndefined,
  typeof ZScopeHolderQuery
>(scopeOfUserQuery, {
  ...APIM_ROUTE,
  scope: APIM_SCOPES.scopeManage,
  query: ZScopeHolderQuery,
  input: ({ params, query }) => ({ scopeName: params.scopeName, username: query.username }),
  reply: (answer) => answer,
});
