import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db, Tx } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { countOf } from "../core/plural.ts";
import { getClaim } from "./get-claim.ts";
import type { TDeleteClaim } from "./claim-input.ts";

export { ZDeleteClaim } from "./claim-input.ts";

/** How many users of the tenant hold a value for the claim: what a delete would remove. */
export async function claimValueCount(client: Db | Tx, tenantId: number, uri: string): Promise<number> {
  return client.userClaim.count({ where: { claim: uri, user: { tenantId } } });
}

/**
 * Deletes a custom claim. Built-in claims stay. When users hold values for it, the delete runs
 * only if the admin confirmed that exact number, so values are never lost unseen (and a value
 * added since the confirmation page was drawn stops the delete).
 */
export async function deleteClaim(client: Db, actor: Actor, input: TDeleteClaim): Promise<{ uri: string; values: number }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    const claim = await getClaim(tx, tenantId, input.id);
    if (claim.builtIn) throw new AppError("FORBIDDEN", `${claim.uri} is a built-in claim; it cannot be deleted.`);
    // As WSO2 refuses to remove a local claim that external claims map to: SCIM would lose the attribute silently.
    const scim = await tx.scimClaimMapping.findMany({ where: { tenantId, claimUri: claim.uri }, select: { attribute: true } });
    if (scim.length > 0) {
      const attributes = scim.map((m) => m.attribute).join(", ");
      throw new AppError(
        "CONFLICT",
        `${claim.uri} is mapped by the SCIM 2.0 attribute ${attributes}. Map that attribute to another claim first.`,
      );
    }
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, tenantId, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", `Someone else changed the claim ${claim.uri} first. Reload and try again.`);
    const values = await claimValueCount(tx, tenantId, claim.uri);
    if (values > 0 && input.confirmValues !== values) {
      const message = `Users hold ${countOf(values, "value")} for ${claim.uri}. Confirm deleting ${countOf(values, "value")} with the claim.`;
      throw new AppError("CONFLICT", message, { values });
    }
    await tx.userClaim.deleteMany({ where: { claim: claim.uri, user: { tenantId } } });
    await tx.claim.delete({ where: { id: claim.id } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "claim.deleted",
      target: { type: "claim", id: claim.id, name: claim.uri },
      before: { displayName: claim.displayName, values },
      ip: actor.ip,
    });
    return { uri: claim.uri, values };
  });
}
