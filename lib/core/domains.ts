import { caseFold } from "unicode-case-folding";

/** WSO2's built-in domains. Secondary stores add their own, upper-case by convention. */
export const PRIMARY = "PRIMARY";
export const INTERNAL = "Internal";
export const APPLICATION = "Application";

export type QualifiedName = { domain: string; name: string };

/** "Internal/creator" -> {Internal, creator}; a bare name lives in PRIMARY, as in WSO2. */
export function splitQualifiedName(qualified: string): QualifiedName {
  const slash = qualified.indexOf("/");
  if (slash <= 0) return { domain: PRIMARY, name: qualified };
  return { domain: qualified.slice(0, slash), name: qualified.slice(slash + 1) };
}

/** WSO2 shows PRIMARY names bare and every other domain as a prefix. */
export function qualifiedName(domain: string, name: string): string {
  return sameDomain(domain, PRIMARY) ? name : `${domain}/${name}`;
}

export function sameDomain(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/**
 * The comparison key for user and role names: case, Unicode form and compatibility variants
 * (fullwidth, mathematical letters, ligatures) do not make a new name. Full case folding, not
 * toLowerCase: "ẞ" and "ß" fold to "ss" and "ſ" to "s". NFKC again after folding, since folding
 * can decompose ("ǰ") and NFKC can expose new foldable characters. Changing this changes stored
 * keys: see lib/stores/backfill-name-keys.ts.
 */
export function nameKey(name: string): string {
  return caseFold(name.normalize("NFKC")).normalize("NFKC");
}

/** The MI passes the domain separately (`?domain=`); a "DOMAIN/name" works too, and the explicit domain wins. */
export function withDomain(name: string, domain: string | undefined): string {
  if (!domain) return name;
  return qualifiedName(domain, splitQualifiedName(name).name);
}

/** Whether two qualified names name the same account or role: bare means PRIMARY, and case does not count. */
export function sameQualifiedName(a: string, b: string): boolean {
  const x = splitQualifiedName(a);
  const y = splitQualifiedName(b);
  return sameDomain(x.domain, y.domain) && nameKey(x.name) === nameKey(y.name);
}
