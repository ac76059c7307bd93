/**
 * RFC 7644 3.5.2: "a PATCH operation that sets a value's 'primary' sub-attribute to 'true' SHALL
 * cause the server to automatically set 'primary' to 'false' for any other values in the array."
 * scim-patch applies operations as written, so this runs on its result: in each multi-valued
 * attribute left with several primary values, the ones that were primary before the PATCH are
 * demoted and the newly set one stays. Two new primaries in one array is 400 invalidValue.
 */
import { isDeepStrictEqual } from "node:util";
import { scimError } from "./scim-error.ts";

type Item = Record<string, unknown>;

const isItem = (v: unknown): v is Item => typeof v === "object" && v !== null && !Array.isArray(v);
const isPrimary = (v: unknown) => isItem(v) && v.primary === true;
const withoutPrimary = ({ primary: _, ...rest }: Item) => rest;

/** `patched` (scim-patch's result, owned by the caller) with the primaries `original` had demoted where a new one was set. */
export function demoteFormerPrimaries<T extends object>(original: T, patched: T): T {
  const before = original as Record<string, unknown>;
  for (const [name, values] of Object.entries(patched)) {
    if (!Array.isArray(values) || values.filter(isPrimary).length < 2) continue;
    const formerPrimaries = (Array.isArray(before[name]) ? (before[name] as unknown[]) : [])
      .filter(isPrimary)
      .map((v) => withoutPrimary(v as Item));
    const wasPrimary = (v: Item) => formerPrimaries.some((f) => isDeepStrictEqual(f, withoutPrimary(v)));
    const added = (values as Item[]).filter((v) => isPrimary(v) && !wasPrimary(v));
    if (added.length > 1) throw scimError("invalidValue", `${name}: only one value can be primary; this PATCH sets ${added.length}.`);
    // No new primary (the resource had several already): nothing here to decide which one stays.
    if (added.length === 0) continue;
    for (const v of values as Item[]) if (isPrimary(v) && v !== added[0]) v.primary = false;
  }
  return patched;
}
