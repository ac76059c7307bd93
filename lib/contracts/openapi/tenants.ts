/** The operations of public/openapi/tenants.json (`npm run openapi` writes it). */
import * as T from "../tenants.ts";
import type { ApiDocument, ApiResponse } from "./build.ts";

const err = (description: string): ApiResponse => ({ description, schema: T.ZTenantError });
const reads = {
  401: err("No valid session or token."),
  403: err("Without Monitor › Tenants (or Modify › Tenants), or not a user of the super tenant."),
  404: err("No such tenant (the super tenant included)."),
};
const writes = {
  400: err("Invalid input: a malformed body, a domain WSO2 would refuse, an admin name or password the rules refuse."),
  401: err("No valid session or token."),
  403: err("Without Modify › Tenants, not a user of the super tenant, or a cross-site request."),
  404: err("No such tenant (the super tenant included)."),
};
const tenantPath = { tenantId: "The tenant's id" };
const location = { location: { required: true, schema: { type: "string", pattern: "^/api/server/v1/tenants/[0-9]+$" } } };

export const tenantsApi: ApiDocument = {
  info: {
    title: "Gatehouse: tenant management API (/api/server/v1/tenants)",
    version: "1.0.0",
    description:
      "WSO2 Identity Server's Tenant Management REST API over Gatehouse's tenant commands (docs/tenants.md). Only users of the super tenant (carbon.super) holding Modify › Tenants (writes) or Monitor › Tenants (reads) may call it. Authorized by a console session or a bearer token from POST /management/login. Ids are Gatehouse's row ids as strings. Errors are {code, message, description} with Gatehouse's error codes.",
  },
  servers: [{ url: "/api/server/v1" }],
  security: [{ consoleSession: [] }, { bearer: [] }],
  securitySchemes: {
    consoleSession: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    bearer: { type: "http", scheme: "bearer", description: "AccessToken from POST /management/login" },
  },
  schemas: {
    TenantModel: T.ZTenantModel,
    TenantPutModel: T.ZTenantPutModel,
    OwnerPutModel: T.ZOwnerPutModel,
    TenantResponseModel: T.ZTenantResponseModel,
    TenantsListResponse: T.ZTenantsListResponse,
    OwnerList: T.ZOwnerList,
    Error: T.ZTenantError,
  },
  paths: {
    "/tenants": {
      get: {
        operationId: "retrieveTenants",
        summary: "Retrieve all tenants, by domain",
        query: T.ZTenantListQuery,
        responses: {
          200: { description: "One page of tenants.", schema: T.ZTenantsListResponse },
          ...reads,
          400: err("filter, or a bad limit or offset."),
        },
      },
      post: {
        operationId: "addTenant",
        summary: "Add a tenant, provisioned as the super tenant is, with its one owner as admin",
        body: T.ZTenantModel,
        responses: { 201: { description: "Created.", headers: location }, ...writes, 409: err("The domain is taken.") },
      },
    },
    "/tenants/{tenantId}": {
      get: {
        operationId: "getTenant",
        summary: "A tenant",
        path: tenantPath,
        responses: { 200: { description: "The tenant.", schema: T.ZTenantResponseModel }, ...reads },
      },
      delete: {
        operationId: "deleteTenant",
        summary: "Delete a deactivated tenant and everything of it (as DELETE …/metadata)",
        path: tenantPath,
        responses: { 204: { description: "Deleted." }, ...writes, 409: err("The tenant is still active.") },
      },
    },
    "/tenants/{tenantId}/metadata": {
      delete: {
        operationId: "deleteTenantMetadata",
        summary: "Delete a deactivated tenant and everything of it",
        path: tenantPath,
        responses: { 204: { description: "Deleted." }, ...writes, 409: err("The tenant is still active.") },
      },
    },
    "/tenants/{tenantId}/lifecycle-status": {
      put: {
        operationId: "updateTenantStatus",
        summary: "Activate or deactivate a tenant; deactivating ends its sessions and tokens",
        path: tenantPath,
        body: T.ZTenantPutModel,
        responses: { 200: { description: "Updated." }, ...writes },
      },
    },
    "/tenants/{tenantId}/owners": {
      get: {
        operationId: "getOwners",
        summary: "The members of the tenant's admin role",
        path: tenantPath,
        responses: { 200: { description: "The owners.", schema: T.ZOwnerList }, ...reads },
      },
    },
    "/tenants/{tenantId}/owners/{ownerId}": {
      put: {
        operationId: "updateOwner",
        summary: "Update the tenant's contact details (email, first and last name)",
        path: { ...tenantPath, ownerId: "An owner's id (every owner shares the one contact)" },
        body: T.ZOwnerPutModel,
        responses: { 200: { description: "Updated." }, ...writes },
      },
    },
  },
};
