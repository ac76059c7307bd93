import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { EXTERNAL_CLAIMS, readScimOverrides } from "./dialect.ts";
import { editScimDialect, fingerprint, ZEditScimDialect } from "./edit-dialect.ts";

// Claim Management's SCIM dialects page: its read and its one write.

/** A tenant has a few dozen claims; the page offers all of them as the choices. */
const MAX_CHOICES = 1000;

export const scimDialectPageQuery = defineCommand({
  feature: "claims.view",
  input: z.object({}),
  rule: "None: the tenant's SCIM mapping and its local claims.",
  run: async (client, actor) => {
    const overrides = await readScimOverrides(client, actor.tenantId);
    const claims = await client.claim.findMany({
      where: { tenantId: actor.tenantId },
      select: { uri: true, displayName: true },
      orderBy: { uri: "asc" },
      take: MAX_CHOICES,
    });
    const rows = EXTERNAL_CLAIMS.map((e) => ({ ...e, claim: overrides.get(e.uri) ?? e.defaultClaim }));
    return { rows, claims, seen: fingerprint(overrides) };
  },
});

export const editScimDialectCommand = defineCommand({
  feature: "claims.manage",
  input: ZEditScimDialect,
  rule: "Known SCIM attributes only, each onto a local claim of the tenant, no claim twice; refused when the mapping changed since the page was drawn.",
  run: editScimDialect,
});

/** The page's form: a hidden attribute and a claim field per row, repeated; zipped into `mappings`, then parsed once. */
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const ZEditScimDialectForm = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const { attribute, claim, ...rest } = raw as Record<string, unknown>;
  const claims = list(claim);
  return { ...rest, mappings: list(attribute).map((a, i) => ({ attribute: a, claim: claims[i] ?? "" })) };
}, ZEditScimDialect);
