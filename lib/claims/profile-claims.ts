import type { Db, Tx } from "../db/client.ts";
import { readRows, text, type Reader } from "../db/raw-read.ts";
import { join, sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";
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

/**
 * Every claim the tenant defines except Gatehouse's own columns, read-only ones included (so a
 * refusal can name them): what a SCIM write may set, as WSO2's SCIM sets any local claim.
 * Supported-by-default decides only what the profile editor shows.
 */
export function definedClaimRules(client: Db | Tx, tenantId: number, uris: readonly string[]): Promise<ClaimRule[]> {
  return client.claim.findMany({
    where: { tenantId, AND: [{ uri: { in: [...uris] } }, notComputed] },
    select: { uri: true, displayName: true, regEx: true, required: true, readOnly: true },
  });
}

/**
 * The rules of the claims `uris` names, for a write that sets exactly those (SCIM's): each one
 * the tenant defines, not read-only and not one of Gatehouse's own columns, else INVALID_INPUT.
 */
export async function writableClaimRules(client: Db | Tx, tenantId: number, uris: readonly string[]): Promise<ClaimRule[]> {
  const rules = (await definedClaimRules(client, tenantId, uris)).filter((r) => !r.readOnly);
  const refused = uris.filter((uri) => !rules.some((r) => r.uri === uri));
  if (refused.length > 0) throw new AppError("INVALID_INPUT", `Not editable claims in this tenant: ${refused.join(", ")}.`);
  return rules;
}

/**
 * The tenant's claims (or `only` these), labelled: the users list's claim filter and the details
 * page. Read through the raw driver, since /users asks on every render (lib/db/raw-read.ts).
 */
export async function claimLabels(client: Reader, tenantId: number, only?: string[]): Promise<{ uri: string; label: string }[]> {
  const which = only ? sql`IN (${join(only)})` : sql`NOT IN (${join([...COMPUTED_CLAIMS])})`;
  return readRows(
    client,
    sql`SELECT "uri", "displayName" FROM "Claim" WHERE "tenantId" = ${tenantId} AND "uri" ${which} ORDER BY "displayOrder" ASC, "id" ASC`,
    (r) => ({ uri: text(r.uri), label: text(r.displayName) }),
  );
}
