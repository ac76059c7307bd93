import { resolveApimBearer } from "@/lib/oauth2/bearer";
import { identityServerError } from "@/lib/transport/identity-server-error";

/**
 * What every /api/server/v1/tenants handler passes to commandRoute: WSO2 IS's error shape, and
 * the console cookie or a bearer token (a /management token; an OAuth2 token would need
 * internal_list_tenants or internal_modify_tenants, which no scope mapping grants yet).
 */
export const TENANT_ROUTE = { formatError: identityServerError, bearer: resolveApimBearer } as const;
export const TENANT_SCOPES = { list: ["internal_list_tenants"], modify: ["internal_modify_tenants"] } as const;
