/**
 * Editing the SCIM dialects (Claim Management's "SCIM dialects" page): which local claim each
 * SCIM attribute maps to. Only edits away from WSO2's default are stored, so a default that a
 * later release changes still reaches tenants that never touched it.
 */
import { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { EXTERNAL_CLAIMS, readScimOverrides } from "./dialect.ts";

const KNOWN = new Map(EXTERNAL_CLAIMS.map((e) => [e.uri, e]));

export const ZEditScimDialect = z.object({
  mappings: z
    .array(z.object({ attribute: z.string().max(300), claim: z.string().trim().min(1, "Choose a local claim.").max(300) }))
    .max(EXTERNAL_CLAIMS.length),
  /** The stored edits the admin's page showed (fingerprint()): a different one now means someone else saved first. */
  seen: z.string().max(20_000),
});
export type TEditScimDialect = z.output<typeof ZEditScimDialect>;

/** The stored edits as one comparable string. */
export const fingerprint = (overrides: ReadonlyMap<string, string>) => JSON.stringify([...overrides].sort(([a], [b]) => (a < b ? -1 : 1)));

/** WSO2 maps a local claim from one attribute of a dialect at most: a resource could not say which attribute a value belongs to. */
function assertEachClaimOnce(wanted: ReadonlyMap<string, string>) {
  const byClaim = new Map<string, string[]>();
  for (const [attribute, claim] of wanted) byClaim.set(claim, [...(byClaim.get(claim) ?? []), attribute]);
  const shared = [...byClaim].find(([, attributes]) => attributes.length > 1);
  if (shared) {
    const [claim, attributes] = shared;
    throw new AppError(
      "INVALID_INPUT",
      `${claim} is mapped by ${attributes.map((a) => KNOWN.get(a)!.label).join(" and ")}; map each claim once.`,
    );
  }
}

export async function editScimDialect(client: Db, actor: Actor, input: TEditScimDialect): Promise<{ changed: number }> {
  const tenantId = actor.tenantId;
  const unknown = input.mappings.filter((m) => !KNOWN.has(m.attribute)).map((m) => m.attribute);
  if (unknown.length) throw new AppError("INVALID_INPUT", `Not SCIM attributes Gatehouse maps: ${unknown.join(", ")}.`);
  return client.$transaction(async (tx) => {
    // First statement: on PostgreSQL the upsert's row lock queues concurrent savers, so the check
    // below sees what the previous one committed (SQLite transactions are exclusive already).
    const lock = `scim.dialect_lock.${tenantId}`;
    await tx.setting.upsert({ where: { key: lock }, create: { key: lock, value: "" }, update: { value: "" } });
    const before = await readScimOverrides(tx, tenantId);
    if (fingerprint(before) !== input.seen)
      throw new AppError("STALE_VERSION", "Someone else changed the SCIM mapping first. Reload and try again.");
    // Attributes the input leaves out keep their mapping; the page sends every one.
    const wanted = new Map(EXTERNAL_CLAIMS.map((e) => [e.uri, before.get(e.uri) ?? e.defaultClaim]));
    for (const m of input.mappings) wanted.set(m.attribute, m.claim);
    assertEachClaimOnce(wanted);
    const after = new Map([...wanted].filter(([attribute, claim]) => KNOWN.get(attribute)!.defaultClaim !== claim));
    // Only edits must name a defined claim: WSO2's defaults stay valid even where the tenant has not defined that claim.
    const edited = [...new Set(after.values())];
    const claims = new Set(
      (await tx.claim.findMany({ where: { tenantId, uri: { in: edited } }, select: { uri: true } })).map((c) => c.uri),
    );
    const missing = edited.filter((c) => !claims.has(c));
    if (missing.length) throw new AppError("INVALID_INPUT", `No such local claim in this tenant: ${missing.join(", ")}.`);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((a) => before.get(a) !== after.get(a));
    if (changed.length === 0) return { changed: 0 };
    await tx.scimClaimMapping.deleteMany({ where: { tenantId } });
    if (after.size)
      await tx.scimClaimMapping.createMany({ data: [...after].map(([attribute, claimUri]) => ({ tenantId, attribute, claimUri })) });
    const mapped = (overrides: Map<string, string>) =>
      Object.fromEntries(changed.map((a) => [a, overrides.get(a) ?? KNOWN.get(a)!.defaultClaim]));
    await recordAudit(tx, {
      tenantId,
      actor: { id: actor.userId, name: actor.displayName },
      action: "claim.scim_mapping_changed",
      target: { type: "dialect", name: "SCIM 2.0" },
      before: mapped(before),
      after: mapped(after),
      ip: actor.ip,
    });
    return { changed: changed.length };
  });
}
