import { RE2JS } from "re2js";

/*
 * A claim's regular expression is set by a tenant's admin and checked against every value its
 * users save, in the one server process all tenants share. JavaScript's engine backtracks: a
 * pattern such as `(a+)+$` against a long value would hold that process for minutes, for every
 * tenant. RE2 (here its JavaScript port) matches in time linear in the value, whatever the
 * pattern; what it gives up is lookaround and back-references, which a value check rarely needs.
 * Its `\s` is ASCII white space, as in Java, whose patterns WSO2's claims carry.
 */

const compiled = new Map<string, RE2JS | null>();

/** The pattern compiled by RE2, or null where RE2 cannot read it. Cached by source: an import checks one pattern on every row. */
export function claimPattern(source: string): RE2JS | null {
  let pattern = compiled.get(source);
  if (pattern === undefined) {
    if (compiled.size > 500) compiled.clear();
    try {
      pattern = RE2JS.compile(source);
    } catch {
      pattern = null;
    }
    compiled.set(source, pattern);
  }
  return pattern;
}
