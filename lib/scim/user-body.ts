/**
 * A SCIM User body (POST /scim2/Users, PUT and PATCH's result) onto Gatehouse's name, store and
 * claims, through the mapping the reads use (the tenant's dialect, dialect.ts). Attribute names are case-insensitive; readOnly
 * attributes (id, meta, groups) are ignored as RFC 7643 2.2 says; anything the mapping does not
 * know is refused, never dropped.
 */
import { splitQualifiedName } from "../core/domains.ts";
import { CORE_USER, ENTERPRISE_USER } from "./attribute-map.ts";
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
      for (const item of value) {
        const fields = Object.fromEntries(entries(item).map(([f, v]) => [f.toLowerCase(), v]));
        const primary = fields.primary === true;
        const type = typeof fields.type === "string" ? fields.type.toLowerCase() : undefined;
        const target =
          (primary || type === undefined ? multi.values.find((e) => e.primary) : undefined) ??
          multi.values.find((e) => !e.primary && e.type === type && claims[e.claim] === undefined) ??
          multi.values.find((e) => e.primary && claims[e.claim] === undefined && !primary && type === undefined);
        if (!target) throw bad(`${multi.name}: no claim keeps a value of type ${JSON.stringify(fields.type ?? null)}.`);
        set(target.claim, `${multi.name}.value`, fields.value);
      }
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
