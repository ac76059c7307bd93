import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { assertMappableStores } from "./get-claim.ts";
import type { TAddClaim } from "./claim-input.ts";

export { ZAddClaim } from "./claim-input.ts";

/** Claim Management's Add Local Claim: a custom claim in the tenant's local dialect. */
export async function addClaim(client: Db, actor: Actor, input: TAddClaim): Promise<{ id: number; uri: string }> {
  const tenantId = actor.tenantId;
  return client.$transaction(async (tx) => {
    if (await tx.claim.findUnique({ where: { tenantId_uri: { tenantId, uri: input.uri } }, select: { id: true } })) {
      throw new AppError("CONFLICT", `The claim ${input.uri} exists already.`, { field: "uri" });
    }
    await assertMappableStores(
      tx,
      tenantId,
      input.attributes.map((a) => a.storeId),
    );
    const { attributes, ...fields } = input;
    const claim = await tx.claim.create({ data: { tenantId, ...fields, attributes: { create: attributes } } });
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "claim.added",
      target: { type: "claim", id: claim.id, name: claim.uri },
      after: input,
      ip: actor.ip,
    });
    return { id: claim.id, uri: claim.uri };
  });
}
