import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";

export const CLAIM_SELECT = {
  id: true,
  uri: true,
  displayName: true,
  description: true,
  regEx: true,
  required: true,
  readOnly: true,
  supportedByDefault: true,
  displayOrder: true,
  builtIn: true,
  version: true,
  attributes: { select: { storeId: true, attribute: true, store: { select: { domain: true } } }, orderBy: { storeId: "asc" } },
} as const;

export type ClaimDefinition = {
  id: number;
  uri: string;
  displayName: string;
  description: string;
  regEx: string;
  required: boolean;
  readOnly: boolean;
  supportedByDefault: boolean;
  displayOrder: number;
  builtIn: boolean;
  version: number;
  attributes: { storeId: number; attribute: string; store: { domain: string } }[];
};

/** A claim of the tenant; another tenant's id answers as a missing one. */
export async function getClaim(client: Db | Tx, tenantId: number, id: number): Promise<ClaimDefinition> {
  const row = await client.claim.findFirst({ where: { id, tenantId }, select: CLAIM_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "No such claim.");
  return row;
}

/** The stores of the tenant that attributes may name: all but Internal and Application, which hold roles only. */
export async function assertMappableStores(tx: Tx, tenantId: number, storeIds: number[]): Promise<void> {
  if (storeIds.length === 0) return;
  if (new Set(storeIds).size !== storeIds.length) throw new AppError("INVALID_INPUT", "Map each user store once.", { field: "attribute" });
  const found = await tx.userStore.count({ where: { tenantId, id: { in: storeIds }, kind: { in: ["primary", "secondary"] } } });
  if (found !== storeIds.length) throw new AppError("INVALID_INPUT", "Choose user stores of this tenant.", { field: "attribute" });
}
