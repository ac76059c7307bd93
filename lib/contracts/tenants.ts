/**
 * /api/server/v1/tenants: WSO2 Identity Server's Tenant Management REST API
 * (identity-api-server's tenant-management.yaml): list with limit/offset, add, get, owners,
 * activate/deactivate (PUT lifecycle-status), and delete (DELETE …/metadata, and the older
 * DELETE /tenants/{id}). Tenant and owner ids are Gatehouse's row ids, as strings.
 */
import { z } from "zod";

// Requests

export const ZTenantListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "At most this many tenants (default 25, at most 100)" }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().meta({ description: "Tenants to skip" }),
  filter: z.string().max(256).optional().meta({ description: "Not supported (as in WSO2, which says so too): refused with 400" }),
  sortBy: z.enum(["domainName"]).optional(),
  sortOrder: z.enum(["asc"]).optional().meta({ description: "Only ascending domain order is served" }),
});

const ZOwner = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
  email: z.string().max(256),
  firstname: z.string().max(256),
  lastname: z.string().max(256),
  provisioningMethod: z.enum(["inline-password"]).optional().meta({ description: "Only inline-password: no invitation email is sent" }),
  additionalClaims: z
    .array(z.object({ claim: z.string(), value: z.string() }))
    .max(0, "additionalClaims are not supported.")
    .optional(),
});
export const ZTenantModel = z.object({
  domain: z.string().min(1).max(64),
  owners: z.array(ZOwner).length(1, "Give exactly one owner: the tenant's admin."),
});
export const ZTenantPutModel = z.object({ activated: z.boolean() });
export const ZOwnerPutModel = z.object({ email: z.string().max(256), firstname: z.string().max(256), lastname: z.string().max(256) });

// Answers

export const ZOwnerResponse = z.object({ id: z.string(), username: z.string() });
export const ZLifeCycleStatus = z.object({ activated: z.boolean() });
export const ZTenantResponseModel = z.object({
  id: z.string(),
  domain: z.string(),
  owners: z.array(ZOwnerResponse),
  createdDate: z.string(),
  lifecycleStatus: ZLifeCycleStatus,
});
export const ZLink = z.object({ href: z.string(), rel: z.string() });
export const ZTenantsListResponse = z.object({
  totalResults: z.number().int(),
  startIndex: z.number().int(),
  count: z.number().int(),
  links: z.array(ZLink),
  tenants: z.array(ZTenantResponseModel),
});
export const ZOwnerList = z.array(ZOwnerResponse);
export const ZTenantError = z.object({ code: z.string(), message: z.string(), description: z.string() });
