import { updateTenantConfigCommand } from "@/lib/apim/commands";
import { ifMatchVersion, versionETag } from "@/lib/apim/if-match";
import { APIM_ROUTE, APIM_SCOPES } from "@/lib/apim/route-options";
import type { CommandInput } from "@/lib/authz/command";
import { ZTenantConfigBody, ZTenantConfigQuery } from "@/lib/contracts/apim-admin";
import { tenantConfQuery } from "@/lib/scopes/queries";
import { MAX_TENANT_CONF_CHARS } from "@/lib/scopes/tenant-conf";
import { commandRoute } from "@/lib/transport/command-route";

type TenantConf = Awaited<ReturnType<typeof tenantConfQuery.run>>;
const tenantConfig = ({ version, document }: TenantConf) => Response.json(document, { headers: { ETag: versionETag(version) } });

/** The tenant's tenant-conf.json (APIM: exportTenantConfig). */
export const GET = commandRoute(tenantConfQuery, { ...APIM_ROUTE, scope: APIM_SCOPES.admin, input: () => ({}), reply: tenantConfig });

/** Replaces the tenant-conf.json, mapping and all, in one transaction (APIM: updateTenantConfig). */
export const PUT = commandRoute<
  CommandInput<typeof updateTenantConfigCommand>,
  TenantConf,
  Record<string, string>,
  typeof ZTenantConfigBody,
  typeof ZTenantConfigQuery
>(updateTenantConfigCommand, {
  ...APIM_ROUTE,
  scope: APIM_SCOPES.admin,
  body: ZTenantConfigBody,
  query: ZTenantConfigQuery,
  maxBodyBytes: MAX_TENANT_CONF_CHARS,
  input: ({ body, query, request }) => ({ document: body, version: ifMatchVersion(request), options: query }),
  reply: tenantConfig,
});
