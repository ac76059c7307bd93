import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { Db } from "../db/client.ts";
import { claimValueCount } from "./delete-claim.ts";
import { getClaim } from "./get-claim.ts";
import { listClaims, ZClaimListParams } from "./list-claims.ts";
import { ZClaimRef } from "./claim-input.ts";
import { claimPattern } from "./claim-pattern.ts";

// The reads of the Claim Management pages.

/** The user stores an attribute can be mapped in: the tenant's PRIMARY and secondary stores. */
async function mappableStores(client: Db, tenantId: number) {
  return client.userStore.findMany({
    where: { tenantId, kind: { in: ["primary", "secondary"] } },
    select: { id: true, domain: true },
    orderBy: { id: "asc" },
  });
}

/** The Claim Management list: one page, with the URL state it was parsed from. */
export const claimsPageQuery = defineCommand({
  feature: "claims.view",
  input: ZClaimListParams,
  rule: "None: the tenant's claims.",
  run: async (client, actor, input) => ({ params: input, ...(await listClaims(client, actor.tenantId, input)) }),
});

export const newClaimPageQuery = defineCommand({
  feature: "claims.manage",
  input: z.object({}),
  rule: "None: the empty form and the tenant's stores.",
  run: async (client, actor) => ({ stores: await mappableStores(client, actor.tenantId) }),
});

export const editClaimPageQuery = defineCommand({
  feature: "claims.manage",
  input: ZClaimRef,
  rule: "A claim of the actor's tenant.",
  run: async (client, actor, input) => {
    const claim = await getClaim(client, actor.tenantId, input.id);
    // A pattern saved before values were checked by RE2 (lookaround, back-references) checks nothing now: say so.
    return {
      claim,
      stores: await mappableStores(client, actor.tenantId),
      patternUnenforced: claim.regEx !== "" && claimPattern(claim.regEx) === null,
    };
  },
});

export const deleteClaimPageQuery = defineCommand({
  feature: "claims.manage",
  input: ZClaimRef,
  rule: "A claim of the actor's tenant, with the number of values a delete would remove.",
  run: async (client, actor, input) => {
    const claim = await getClaim(client, actor.tenantId, input.id);
    return { claim, values: await claimValueCount(client, actor.tenantId, claim.uri) };
  },
});
