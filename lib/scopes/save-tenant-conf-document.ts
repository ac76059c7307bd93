/**
 * Stores an imported tenant-conf.json's top-level keys (merged over the previous import's) inside
 * the import's transaction; see tenant-conf-document.ts. Returns the non-mapping keys it added
 * or changed, for the audit event.
 */
import type { Tx } from "../db/client.ts";
import { mergeDocuments, readTenantConfDocument, type TenantConfDocument } from "./tenant-conf-document.ts";

export async function saveTenantConfDocument(
  tx: Pick<Tx, "tenantConfDocument">,
  tenantId: number,
  incoming: TenantConfDocument,
): Promise<string[]> {
  const previous = await readTenantConfDocument(tx, tenantId);
  const { merged, changedKeys } = mergeDocuments(previous, incoming);
  const document = JSON.stringify(merged);
  await tx.tenantConfDocument.upsert({ where: { tenantId }, create: { tenantId, document }, update: { document } });
  return changedKeys;
}
