/**
 * What every /api/am/admin/v4 handler passes to commandRoute (its commands need scopes.manage,
 * API-M Admin in the permission tree): APIM's error shape, and two kinds of bearer token: the /management token, so
 * scripts use one token for both APIs, and OAuth2 access tokens from /oauth2/token.
 *
 * An OAuth2 token must also hold one of the operation's scopes, as the `security` sections of
 * APIM 4.x's admin-api.yaml list them (any one of the list admits the call). apim:role_manage
 * is, in APIM 4.2's own words, "Manage role aliases and check role existence".
 */
import { resolveApimBearer } from "../oauth2/bearer.ts";
import { apimError } from "../transport/apim-error.ts";

export const APIM_ROUTE = { formatError: apimError, bearer: resolveApimBearer } as const;

export const APIM_SCOPES = {
  /** system-scopes GET/PUT, system-scopes/{scopeName} GET */
  scopeManage: ["apim:admin", "apim:scope_manage"],
  /** system-scopes/role-aliases GET/PUT, roles/{roleId} HEAD */
  roleManage: ["apim:admin", "apim:role_manage"],
  /** tenant-config GET/PUT */
  admin: ["apim:admin"],
} as const;
