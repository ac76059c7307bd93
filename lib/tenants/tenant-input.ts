import { z } from "zod";
import { SUPER_TENANT } from "../core/tenant.ts";
import { ZFormId } from "../db/row-id.ts";
import { isWellFormedText, MALFORMED_TEXT } from "../http/well-formed.ts";

/**
 * A tenant domain as WSO2's TenantMgtUtil.validateDomain accepts it: letters, digits, ".", "-"
 * and "_", with an extension (a "." that is neither first nor last), stored in lower case.
 * `carbon.super` is the super tenant's own and never a new one.
 */
export const ZTenantDomain = z
  .string()
  .trim()
  .min(1, "Domain is required.")
  .max(64, "Domain is too long.")
  .transform((s) => s.toLowerCase())
  .pipe(
    z
      .string()
      .regex(/^[a-z0-9._-]+$/, "The domain may hold only letters, digits, “.”, “-” and “_”.")
      .refine((s) => !s.startsWith(".") && !s.endsWith(".") && s.includes("."), "The domain needs an extension, as in acme.com.")
      .refine((s) => !s.includes(".."), "The domain cannot hold “..”.")
      .refine((s) => s !== SUPER_TENANT, `“${SUPER_TENANT}” is the super tenant's domain.`),
  );

const name = (label: string) => z.string().trim().min(1, `${label} is required.`).max(256, `${label} is too long.`);

export const ZTenantContact = z.object({
  firstName: name("First name"),
  lastName: name("Last name"),
  email: z.string().trim().max(256).pipe(z.email("Enter an email address.")),
});

/**
 * WSO2's Add New Tenant form. The username and password are checked against the PRIMARY
 * store's pattern and the password policy in createTenant, which knows the configuration.
 */
export const ZCreateTenant = ZTenantContact.extend({
  domain: ZTenantDomain,
  adminUsername: z.string().min(1, "Admin username is required.").max(256).refine(isWellFormedText, MALFORMED_TEXT),
  password: z.string().min(1, "Password is required.").max(1024).refine(isWellFormedText, MALFORMED_TEXT),
});
export type TCreateTenant = z.infer<typeof ZCreateTenant>;

export const ZTenantId = z.object({ id: ZFormId });
/** The console's delete: `domain` is the admin's typed confirmation, and the delete runs only when it names the tenant. */
export const ZDeleteTenantConfirmed = ZTenantId.extend({ domain: z.string().trim().max(256) });
export const ZSetTenantActive = ZTenantId.extend({ active: z.boolean() });
export const ZUpdateTenantContact = ZTenantId.extend(ZTenantContact.shape);
export type TUpdateTenantContact = z.infer<typeof ZUpdateTenantContact>;

/** A list request: contains-search on the domain, then either a keyset cursor (`after`, a domain) or an offset. */
export const ZTenantListParams = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).catch(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
  after: z.string().trim().max(64).optional().catch(undefined),
});
export type TTenantListParams = z.infer<typeof ZTenantListParams>;

export const TENANT_SORTS = ["domain", "active", "email", "created"] as const;
export type TTenantOrder = { sort: (typeof TENANT_SORTS)[number]; dir: "asc" | "desc" };
