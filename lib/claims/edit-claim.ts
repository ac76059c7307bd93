import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { assertMappableStores, getClaim } from "./get-claim.ts";
import type { TEditClaim } from "./claim-input.ts";

export { ZEditClaim } from "./claim-input.ts";

/**
 * Saves a claim's definition and its store attributes. Built-in claims are editable too, as in
 * WSO2; the URI never changes, because users' values are keyed by it. A stale version is refused.
 */
export async function editClaim(client: Db, actor: Actor, input: TEditClaim): Promise<{ uri: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const before = await getClaim(tx, tenantId, input.id);
    const { id, version, attributes, ...fields } = input;
    await assertMappableStores(
      tx,
      tenantId,
      attributes.map((a) => a.storeId),
    );
    const { count } = await tx.claim.updateMany({ where: { id, tenantId, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 0) throw new AppError("STALE_VERSION", `Someone else changed the claim ${before.uri} first. Reload and try again.`);
    await tx.claimAttribute.deleteMany({ where: { claimId: id } });
    if (attributes.length > 0) await tx.claimAttribute.createMany({ data: attributes.map((a) => ({ claimId: id, ...a })) });
    const { attributes: beforeAttributes, id: _id, version: _v, builtIn: _b, uri, ...beforeFields } = before;
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "claim.edited",
      target: { type: "claim", id, name: uri },
      before: { ...beforeFields, attributes: beforeAttributes.map(({ storeId, attribute }) => ({ storeId, attribute })) },
      after: { ...fields, attributes },
      ip: actor.ip,
    });
    return { uri };
  });
}
