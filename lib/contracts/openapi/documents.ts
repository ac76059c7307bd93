/** Every generated OpenAPI document and the file it is written to (scripts/generate-openapi.ts). */
import { apimAdminApi } from "./apim-admin.ts";
import { authzApi } from "./authz.ts";
import { buildDocument } from "./build.ts";
import { managementApi } from "./management.ts";
import { oauth2Api } from "./oauth2.ts";
import { tenantsApi } from "./tenants.ts";

export const OPENAPI_FILES = {
  "public/openapi/management.json": managementApi,
  "public/openapi/apim-admin-v4.json": apimAdminApi,
  "public/openapi/authz.json": authzApi,
  "public/openapi/oauth2.json": oauth2Api,
  "public/openapi/tenants.json": tenantsApi,
};

/** Each file's text as `npm run openapi` writes it. */
export function openapiTexts(): Record<string, string> {
  return Object.fromEntries(Object.entries(OPENAPI_FILES).map(([file, api]) => [file, `${JSON.stringify(buildDocument(api), null, 2)}\n`]));
}
