/**
 * What every /api/am/admin/v4 handler passes to defineRoute: API-M Admin (standing in for the
 * apim:admin and apim:scope_manage scopes) and APIM's error shape. Bearer tokens from
 * /management/login (#5) become one more line here: `bearer: resolveManagementToken`.
 */
import { apimError } from "./errors.ts";

export const APIM_ROUTE = { feature: "scopes.manage", formatError: apimError } as const;
