// Which requests scripts/serve.mjs lets skip proxy.ts. Plain JavaScript: serve.mjs runs before
// anything is compiled. scripts/plain-get.test.ts holds it to proxy.ts's own decisions.

// Keep in step with the `missing` condition of proxy.ts's matcher.
export const PLAIN_GET_HEADER = "x-gatehouse-plain-get";

// Printable ASCII with no %-escape, not under /t/: nothing for edge-guard.ts to refuse or rewrite.
const PLAIN_ADDRESS = /^\/(?!t\/)[\x21-\x24\x26-\x7e]*$/;

/**
 * Whether proxy.ts would pass this request on unchanged: a GET or HEAD whose address decodes to
 * itself (no %-escape, so no NUL or broken Unicode) and is no /t/{tenant}/ address. Next.js then
 * skips the proxy for it, which saves ~1 ms of CPU a page (docs/performance.md); anything else,
 * every POST included, still goes through it.
 */
export function isPlainGet(method, url) {
  return (method === "GET" || method === "HEAD") && PLAIN_ADDRESS.test(url ?? "");
}
