import type { Db, Tx } from "../db/client.ts";
import { COMPUTED_CLAIMS, type ClaimRule } from "./profile-rules.ts";

const notComputed = { uri: { notIn: [...COMPUTED_CLAIMS] } };

/** The profile editor's claims: supported by default, in display order. */
export function profileClaimRules(client: Db | Tx, tenantId: number): Promise<ClaimRule[]> {
  return client.claim.findMany({
    where: { tenantId, supportedByDefault: true, ...notComputed },
    orderBy: [{ displayOrder: "asc" }, { id: "asc" }],
    select: { uri: true, displayName: true, regEx: true, required: true, readOnly: true },
  });
}

/** The tenant's claims (or `only` these), labelled: the users list's claim filter and the details page. */
export async function claimLabels(client: Db | Tx, tenantId: number, only?: string[]): Promise<{ uri: string; label: string }[]> {
  const rows = await client.claim.findMany({
    where: { tenantId, ...(only ? { uri: { in: only } } : notComputed) },
    orderBy: [{ displayOrder: "asc" }, { id: "asc" }],
    select: { uri: true, displayName: true },
  });
  return rows.map((c) => ({ uri: c.uri, label: c.displayName }));
}
