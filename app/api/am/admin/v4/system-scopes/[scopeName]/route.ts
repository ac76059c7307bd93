import { z } from "zod";
import { decodePathName } from "@/lib/apim/path-name";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { userHoldsScope } from "@/lib/scopes/user-holds-scope";
import { ZScopeHolderQuery } from "@/lib/contracts/apim-admin";

/** {name} when the user (the caller without ?username) holds the base64url-encoded scope; 404 otherwise. */
export const GET = defineRoute<{ scopeName: string }, z.ZodUndefined, typeof ZScopeHolderQuery>(
  { ...APIM_ROUTE, scope: APIM_SCOPES.scopeManage, query: ZScopeHolderQuery },
  async ({ params, query }, { principal }) => {
    const scope = decodePathName(params.scopeName);
    if (scope === null) throw new AppError("NOT_FOUND", "Scope not found: the name is not base64url-encoded.");
    const username = query.username ?? principal.displayName;
    const check = await userHoldsScope(db(), principal.tenantId, username, scope);
    if (check.holds) return { name: scope };
    throw new AppError(
      "NOT_FOUND",
      check.reason === "unknown-scope" ? `Scope not found: ${scope}` : `User ${username} does not have scope ${scope}.`,
    );
  },
);
