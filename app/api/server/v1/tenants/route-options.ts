import { resolveBasicCredentials } from "@/lib/management/basic-principal";
import { resolveApimBearer } from "@/lib/oauth2/bearer";
import { identityServerError } from "@/lib/transport/identity-server-error";

/**
 * What every /api/server/v1/tenants handler passes to commandRoute: WSO2 IS's error shape, and
 * the credentials IS takes: HTTP Basic on each call (WSO2's curl examples), the console cookie,
 * or a bearer token (a /management token, or an OAuth2 token holding the call's internal_* scope,
 * lib/oauth2/granted-scopes.ts).
 */
export const TENANT_ROUTE = { formatError: identityServerError, bearer: resolveApimBearer, basic: resolveBasicCredentials } as const;
export const TENANT_SCOPES = { list: ["internal_list_tenants"], modify: ["internal_modify_tenants"] } as const;
