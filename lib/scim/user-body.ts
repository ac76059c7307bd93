/**
 * A SCIM User body (POST /scim2/Users, PUT and PATCH's result) onto Gatehouse's name, store and
 * claims, through the mapping the reads use (the tenant's dialect, dialect.ts). Attribute names are case-insensitive; readOnly
 * attributes (id, meta, groups) are ignored as RFC 7643 2.2 says; anything the mapping does not
 * know is refused, never dropped.
 */
import { splitQualifiedName } from "../core/domains.ts";
import { CORE_USER, ENTERPRISE_USER, type MultiValued } from "./attribute-map.ts";
import type { ScimDialect } from "./dialect.ts";
import { scimError } from "./scim-error.ts";

export type NewScimUser = { domain: string; username: string; password?: string; claims: Record<string, string> };
/** What a body says; `claims` holds the mapped claims it gives a value (an empty string is no value). */
export type ScimUserFields = { userName?: string; password?: string; active?: boolean; claims: Record<string, string> };

const IGNORED = new Set(["schemas", "id", "meta", "groups"]);
const bad = (detail: string) => scimError("invalidValue", detail);

function entries(value: unknown): [string, unknown][] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value) : [];
}

function text(path: string, value: unknown): string {
  if (typeof value !== "string") throw bad(`${path} must be a string.`);
  return value;
}

/**
 * Each value of a multi-valued attribute onto its claim: the primary value onto the primary claim
 * (emailaddress; its type is not kept apart), a typed value onto its type's claim, a value without
 * a type onto the primary claim when the array names no primary, else onto type "other"'s
 * (where a PATCH's new primary leaves the former one). Typed values are placed before untyped
 * ones, so the order of the array does not decide. A value no claim is left for is refused.
 */
function multiValuedClaims(multi: MultiValued, items: readonly unknown[]): [string, unknown][] {
  const values = items.map((item) => {
    const fields = Object.fromEntries(entries(item).map(([f, v]) => [f.toLowerCase(), v]));
    return {
      value: fields.value,
      primary: fields.primary === true,
      type: typeof fields.type === "string" ? fields.type.toLowerCase() : undefined,
    };
  });
  const hasPrimary = values.some((v) => v.primary);
  const taken = new Set<string>();
  const free = (claim: string | undefined) => (claim !== undefined && !taken.has(claim) ? claim : undefined);
  const primaryClaim = multi.values.find((e) => e.primary)?.claim;
  const typedClaim = (type: string | undefined) => multi.values.find((e) => !e.primary && e.type === type)?.claim;
  const rank = (v: (typeof values)[number]) => (v.primary ? 0 : v.type !== undefined ? 1 : 2);
  const out: [string, unknown][] = [];
  for (const v of [...values].sort((a, b) => rank(a) - rank(b))) {
    let target: string | undefined;
    if (v.primary) target = primaryClaim ?? free(typedClaim(v.type));
    else if (v.type !== undefined) target = free(typedClaim(v.type));
    else target = (hasPrimary ? undefined : free(primaryClaim)) ?? free(typedClaim("other"));
    if (!target && v.type === undefined && !v.primary) {
      throw bad(
        `${multi.name}: ${JSON.stringify(v.value)} has no type and no claim is left for it ` +
          `(the primary and "other" values are taken); give it a type or leave it out.`,
      );
    }
    if (!target) throw bad(`${multi.name}: no claim keeps a value of type ${JSON.stringify(v.type ?? null)}.`);
    // The primary claim given twice (two primary values) is refused by the caller's "given twice".
    taken.add(target);
    out.push([target, v.value]);
  }
  return out;
}

export function newUserFromBody(body: Record<string, unknown>, d: ScimDialect): NewScimUser {
  const { userName, password, active, claims } = userFieldsFromBody(body, d);
  if (active === false) throw bad("active: only true is built; disable the account afterwards.");
  if (!userName) throw bad("userName is required.");
  const { domain, name } = splitQualifiedName(userName);
  return { domain, username: name, ...(password === undefined ? {} : { password }), claims };
}

export function userFieldsFromBody(body: Record<string, unknown>, d: ScimDialect): ScimUserFields {
  const claims: Record<string, string> = {};
  const set = (claim: string, path: string, value: unknown) => {
    // RFC 7643 2.5: null is "unassigned", as if the attribute were absent.
    if (value === null) return;
    if (claims[claim] !== undefined) throw bad(`${path} is given twice.`);
    claims[claim] = text(path, value);
  };
  let userName: string | undefined;
  let password: string | undefined;
  let active: boolean | undefined;
  for (const [key, value] of entries(body)) {
    const k = key.toLowerCase();
    if (IGNORED.has(k)) continue;
    if (k === "username") userName = text("userName", value);
    else if (k === "password") password = text("password", value);
    else if (k === "active") {
      if (typeof value !== "boolean") throw bad("active must be true or false.");
      active = value;
    } else if (k === ENTERPRISE_USER.toLowerCase()) {
      for (const [sub, v] of entries(value)) {
        const attribute = d.attributes.find((a) => a.schema === ENTERPRISE_USER && a.path.toLowerCase() === sub.toLowerCase());
        if (!attribute) throw bad(`${ENTERPRISE_USER}:${sub} is not mapped to a claim.`);
        set(attribute.claim, attribute.path, v);
      }
    } else if (k === "addresses") {
      if (!Array.isArray(value) || value.length > 1) throw bad("addresses: one home address is kept.");
      for (const [sub, v] of entries(value[0])) {
        if (sub.toLowerCase() === "type" || sub.toLowerCase() === "primary") continue;
        const part = d.addressParts.find((p) => p.sub.toLowerCase() === sub.toLowerCase());
        if (!part) throw bad(`addresses.${sub} is not mapped to a claim.`);
        set(part.claim, `addresses.${part.sub}`, v);
      }
    } else if (d.multiValued.some((m) => m.name.toLowerCase() === k)) {
      const multi = d.multiValued.find((m) => m.name.toLowerCase() === k)!;
      if (!Array.isArray(value)) throw bad(`${multi.name} must be an array.`);
      for (const [target, v] of multiValuedClaims(multi, value)) set(target, `${multi.name}.value`, v);
    } else {
      const corePrefix = `${CORE_USER.toLowerCase()}:`;
      const bare = k.startsWith(corePrefix) ? k.slice(corePrefix.length) : k;
      const direct = d.attributes.find((a) => a.schema === CORE_USER && a.path.toLowerCase() === bare);
      if (direct) {
        set(direct.claim, direct.path, value);
        continue;
      }
      const nested = d.attributes.filter((a) => a.schema === CORE_USER && a.path.toLowerCase().startsWith(`${bare}.`));
      if (nested.length === 0) throw bad(`${key} is not an attribute Gatehouse keeps.`);
      for (const [sub, v] of entries(value)) {
        const attribute = nested.find((a) => a.path.toLowerCase() === `${bare}.${sub.toLowerCase()}`);
        if (!attribute) throw bad(`${key}.${sub} is not mapped to a claim.`);
        set(attribute.claim, attribute.path, v);
      }
    }
  }
  const given = Object.fromEntries(Object.entries(claims).filter(([, v]) => v.trim() !== ""));
  return { userName, password, active, claims: given };
}
