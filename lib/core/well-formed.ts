// In lib/core so that any layer may ask (lib/stores reads search text with it); lib/http/well-formed.ts
// refuses such text at the edge.
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Neither NUL nor a lone UTF-16 surrogate: text PostgreSQL can store and UTF-8 can encode. */
export function isWellFormedText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}
