import { ifMatchVersion, versionETag, withPrecondition } from "@/lib/apim/if-match";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import { defineRoute } from "@/lib/transport/route";
import { db } from "@/lib/db/client";
import { readMappingVersion } from "@/lib/roles/mapping-version";
import { putTenantConfig } from "@/lib/scopes/put-tenant-config";
import { ZTenantConfigBody, ZTenantConfigQuery } from "@/lib/contracts/apim-admin";
import { exportTenantConf, MAX_TENANT_CONF_CHARS } from "@/lib/scopes/tenant-conf";

async function tenantConfig(tenantId: number): Promise<Response> {
  const version = await readMappingVersion(db(), tenantId);
  return Response.json(await exportTenantConf(db(), tenantId), { headers: { ETag: versionETag(version) } });
}

/** The tenant's tenant-conf.json (APIM: exportTenantConfig). */
export const GET = defineRoute({ ...APIM_ROUTE, scope: APIM_SCOPES.admin }, async (_input, { principal }) =>
  tenantConfig(principal.tenantId),
);

/** Replaces the tenant-conf.json, mapping and all, in one transaction (APIM: updateTenantConfig). */
export const PUT = defineRoute(
  {
    ...APIM_ROUTE,
    scope: APIM_SCOPES.admin,
    body: ZTenantConfigBody,
    query: ZTenantConfigQuery,
    maxBodyBytes: MAX_TENANT_CONF_CHARS,
  },
  async ({ body, query, request }, actor) => {
    const version = ifMatchVersion(request);
    await withPrecondition(version, () => putTenantConfig(db(), actor, { document: body, version, options: query }));
    return tenantConfig(actor.principal.tenantId);
  },
);
