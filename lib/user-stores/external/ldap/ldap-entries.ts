import { type Client, type Entry, NoSuchObjectError, type SearchOptions } from "ldapts";
import { AppError } from "../../../errors.ts";
import type { LdapConnection } from "./ldap-connection.ts";
import { normalizeDn } from "./ldap-dn.ts";

// Ids per filter when resolving externalIds to DNs: (|(entryUUID=...)...) stays well under servers' request limits.
export const IDS_PER_SEARCH = 100;

/** A search; when `base` is missing, an entry read (`entry`) finds nothing, a configured search base (`base`) is an outage. */
export async function search(
  connection: LdapConnection,
  base: string,
  options: SearchOptions,
  missing: "entry" | "base" = "entry",
): Promise<Entry[]> {
  return connection.run(async (client: Client) => {
    try {
      return (await client.search(base, { scope: "sub", ...options })).searchEntries;
    } catch (error) {
      if (error instanceof NoSuchObjectError) {
        if (missing === "entry") return [];
        throw missingBase(base);
      }
      throw error;
    }
  }, "read");
}

export function missingBase(base: string): AppError {
  return new AppError("STORE_UNAVAILABLE", `The LDAP search base ${base} does not exist: check the store's settings.`);
}

/** Attribute names in entries keep the server's spelling (givenName vs givenname): matched case-insensitively. */
function values(entry: Entry, attribute: string): unknown {
  if (attribute in entry) return entry[attribute];
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  return key === undefined ? undefined : entry[key];
}

export function all(entry: Entry, attribute: string): string[] {
  const value = values(entry, attribute);
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : String(v)));
}

/** DN-valued attributes (member, memberOf) in the one spelling externalIds use. */
export function dns(entry: Entry, attribute: string): string[] {
  return all(entry, attribute).map(normalizeDn);
}

export function first(entry: Entry, attribute: string): string | undefined {
  return all(entry, attribute)[0];
}
