import "server-only";
import type { Db } from "../db/client.ts";

/**
 * Whether `domain` (a `/t/{tenant}/` address's tenant) is the caller's own tenant. An unknown
 * domain and another tenant's answer alike, so the address does not tell which tenants exist.
 */
export async function isCallersTenant(client: Db, tenantId: number, domain: string): Promise<boolean> {
  const tenant = await client.tenant.findUnique({ where: { id: tenantId }, select: { domain: true } });
  return tenant?.domain === domain;
}
