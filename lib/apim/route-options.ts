/**
 * What every /api/am/admin/v4 handler passes to defineRoute: API-M Admin (standing in for the
 * apim:admin and apim:scope_manage scopes), APIM's error shape, and bearer tokens from
 * POST /management/login, so scripts use one token for both APIs.
 */
import { resolveManagementToken } from "../management/token.ts";
import { apimError } from "./errors.ts";

export const APIM_ROUTE = { feature: "scopes.manage", formatError: apimError, bearer: resolveManagementToken } as const;
