/** Only same-site paths: an attacker's link must not bounce a fresh sign-in to their site. */
export function safeCallbackPath(value: string | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://gatehouse.invalid");
    if (url.origin !== "http://gatehouse.invalid" || url.pathname.startsWith("/login") || url.pathname.startsWith("/api/")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
