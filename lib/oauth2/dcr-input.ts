import { z } from "zod";
import { SUPPORTED_GRANTS } from "./lifetimes.ts";

/** WSO2's DCR body (client-registration v0.17). Unknown fields, such as `tokenScope`, are ignored as WSO2 does. */
export const ZRegisterClient = z.object({
  clientName: z.string().trim().min(1).max(100),
  callbackUrl: z.string().max(2000).optional(),
  owner: z.string().max(256).optional(),
  grantType: z.string().max(500).optional(),
  saasApp: z.boolean().optional(),
});
export type TRegisterClient = z.infer<typeof ZRegisterClient>;

export const ZDeleteClient = z
  .object({ applicationName: z.string().min(1).max(100).optional(), consumerKey: z.string().min(1).max(100).optional() })
  .refine((q) => q.applicationName !== undefined || q.consumerKey !== undefined, "Name the client with applicationName or consumerKey.");
export type TDeleteClient = z.infer<typeof ZDeleteClient>;

/**
 * The grant types a client may use: the supported ones it asked for (all of them when it asked
 * for none). Others WSO2 knows (authorization_code, implicit, saml2-bearer, …) are dropped.
 */
export function clientGrants(requested: string | undefined): string[] {
  const asked = (requested ?? "").split(/\s+/).filter(Boolean);
  if (asked.length === 0) return [...SUPPORTED_GRANTS];
  const supported: readonly string[] = SUPPORTED_GRANTS;
  return [...new Set(asked.filter((g) => supported.includes(g)))];
}
