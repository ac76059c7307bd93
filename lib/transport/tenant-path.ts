/**
 * WSO2's tenant-qualified addresses: `/t/{tenant}/api/…` is the same API as `/api/…`, acting in
 * the tenant the path names (Carbon's TenantContextRewriteValve). proxy.ts rewrites the path and
 * passes the tenant in PATH_TENANT_HEADER; defineRoute then refuses a caller of another tenant.
 * Only the WSO2 APIs that are served per tenant take the form: APIM's admin API, Identity
 * Server's /api/server/v1 and its SCIM 2.0 API (/scim2). Pure, so it is unit-tested.
 */
export const PATH_TENANT_HEADER = "x-gatehouse-path-tenant";

const TENANT_PATH = /^\/t\/([^/]+)(\/(?:api\/(?:am\/admin\/v4|server\/v1)|scim2)(?:\/.*)?)$/;

export function splitTenantPath(pathname: string): { tenant: string; path: string } | null {
  const [, tenant, path] = TENANT_PATH.exec(pathname) ?? [];
  if (tenant === undefined || path === undefined) return null;
  // proxy.ts has already refused segments that do not decode (edge-guard.ts).
  return { tenant: decodeURIComponent(tenant).toLowerCase(), path };
}
