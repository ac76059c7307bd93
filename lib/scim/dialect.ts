/**
 * The SCIM dialects as a tenant has them: WSO2's default mapping (attribute-map.ts) with the
 * tenant's edits on top. As in WSO2's Claim Management, an edit changes which local claim a
 * SCIM attribute (an "external claim", named by its URI) maps to; the attributes themselves
 * are the RFC's. Every SCIM read and write takes the dialect from here, so an edit changes
 * filters, sorting, resources and bodies at once.
 */
import { readRows, text, type Reader } from "../db/raw-read.ts";
import { sql } from "../db/sql.ts";
import { ADDRESS_PARTS, ADDRESS_TYPE, CLAIM_ATTRIBUTES, CORE_USER, MULTI_VALUED } from "./attribute-map.ts";
import type { AddressPart, ClaimAttribute, MultiValued } from "./attribute-map.ts";

export type ScimDialect = {
  readonly attributes: readonly ClaimAttribute[];
  readonly multiValued: readonly MultiValued[];
  readonly addressParts: readonly AddressPart[];
  /** Every claim the dialect reads: a user's claim rows are loaded for these only. */
  readonly mappedClaims: readonly string[];
};

/** One editable mapping: the SCIM attribute's URI as WSO2 names it, and the local claim it maps to by default. */
export type ExternalClaim = { uri: string; label: string; defaultClaim: string };

const typedUri = (name: string, type: string | undefined) => `${CORE_USER}:${name}${type ? `.${type}` : ""}`;
const addressUri = (sub: string) => `${CORE_USER}:addresses#${ADDRESS_TYPE}.${sub}`;

/** Every SCIM attribute a tenant may remap, in the order the mapping page lists them. */
export const EXTERNAL_CLAIMS: readonly ExternalClaim[] = [
  ...CLAIM_ATTRIBUTES.map((a) => ({ uri: `${a.schema}:${a.path}`, label: a.path, defaultClaim: a.claim })),
  ...MULTI_VALUED.flatMap((m) =>
    m.values.map((v) => ({
      uri: typedUri(m.name, v.type),
      label: v.type ? `${m.name} (${v.type})` : `${m.name} (primary)`,
      defaultClaim: v.claim,
    })),
  ),
  ...ADDRESS_PARTS.map((p) => ({ uri: addressUri(p.sub), label: `addresses (${ADDRESS_TYPE}).${p.sub}`, defaultClaim: p.claim })),
];

/** The dialect with `overrides` (SCIM attribute URI → local claim URI) applied. */
export function dialectOf(overrides: ReadonlyMap<string, string>): ScimDialect {
  const pick = (uri: string, claim: string) => overrides.get(uri) ?? claim;
  const attributes = CLAIM_ATTRIBUTES.map((a) => ({ ...a, claim: pick(`${a.schema}:${a.path}`, a.claim) }));
  const multiValued = MULTI_VALUED.map((m) => ({
    ...m,
    values: m.values.map((v) => ({ ...v, claim: pick(typedUri(m.name, v.type), v.claim) })),
  }));
  const addressParts = ADDRESS_PARTS.map((p) => ({ ...p, claim: pick(addressUri(p.sub), p.claim) }));
  const mappedClaims = [
    ...new Set([
      ...attributes.map((a) => a.claim),
      ...multiValued.flatMap((m) => m.values.map((v) => v.claim)),
      ...addressParts.map((p) => p.claim),
    ]),
  ];
  return { attributes, multiValued, addressParts, mappedClaims };
}

export const DEFAULT_DIALECT: ScimDialect = dialectOf(new Map());

/** The tenant's edits (one indexed read; most tenants have none). */
export async function readScimOverrides(client: Reader, tenantId: number): Promise<Map<string, string>> {
  const rows = await readRows(
    client,
    sql`SELECT "attribute", "claimUri" FROM "ScimClaimMapping" WHERE "tenantId" = ${tenantId}`,
    (r) => [text(r.attribute), text(r.claimUri)] as const,
  );
  return new Map(rows);
}

export async function loadScimDialect(client: Reader, tenantId: number): Promise<ScimDialect> {
  const overrides = await readScimOverrides(client, tenantId);
  return overrides.size === 0 ? DEFAULT_DIALECT : dialectOf(overrides);
}
