import type { Entry } from "ldapts";
import { normalizeDn } from "./ldap-dn.ts";
import { escapeFilterValue } from "./ldap-escape.ts";

/**
 * The stable name of an LDAP entry, its externalId in the mirror (docs/ldap.md, Identities). A
 * DN changes when an entry is renamed (modrdn), so a rename would look like a delete and a
 * create and cost the user their Internal roles and sessions; `entryUUID` (RFC 4530, OpenLDAP,
 * 389 DS) and Active Directory's `objectGUID` survive renames and moves. A server that returns
 * no such attribute keeps the DN as the id, as before.
 */
export type LdapIds = {
  /** Attributes a search asks for, and the search options that keep a binary id as bytes. */
  readonly attribute: string;
  readonly binary: boolean;
  /** The entry's id: the unique id attribute's value, or the DN when the server returned none. */
  of(entry: Entry): string;
  /** True when `id` is a DN (the fallback), not a value of the unique id attribute. */
  isDn(id: string): boolean;
  /** An equality filter on the unique id attribute for `id` (objectGUID: its 16 bytes escaped). */
  filter(id: string): string | null;
};

export function ldapIds(attribute: string): LdapIds {
  const binary = attribute.toLowerCase() === "objectguid";
  return {
    attribute,
    binary,
    of(entry) {
      const value = valueOf(entry, attribute);
      if (value === undefined) return normalizeDn(entry.dn);
      if (Buffer.isBuffer(value)) return binary && value.length === 16 ? guidText(value) : value.toString("hex");
      return String(value);
    },
    isDn: (id) => id.includes("="),
    filter(id) {
      if (!binary) return `(${attribute}=${escapeFilterValue(id)})`;
      const bytes = guidBytes(id);
      if (!bytes) return null;
      return `(${attribute}=${[...bytes].map((b) => `\\${b.toString(16).padStart(2, "0")}`).join("")})`;
    },
  };
}

function valueOf(entry: Entry, attribute: string): Buffer | string | undefined {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : (first as Buffer | string);
}

/** objectGUID's 16 bytes as Microsoft's GUID text: the first three fields are little-endian. */
export function guidText(bytes: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = [...bytes.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, "0")).join("");
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

export function guidBytes(text: string): Buffer | null {
  const match = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i.exec(text);
  if (!match) return null;
  const field = (hex: string, reverse: boolean) => {
    const bytes = Buffer.from(hex, "hex");
    return reverse ? bytes.reverse() : bytes;
  };
  const [, a, b, c, d, e] = match as unknown as [string, string, string, string, string, string];
  return Buffer.concat([field(a, true), field(b, true), field(c, true), field(d, false), field(e, false)]);
}
