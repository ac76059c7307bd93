import { getConfig } from "../config/current.ts";

/**
 * The one same-origin check, shared by defineRoute (REST calls with the console cookie) and
 * proxy.ts (server actions), so that a page works on exactly the addresses its API calls
 * work on. A request is same-origin when its Origin names the host the request came to
 * (its Host header), the configured public address, or, behind a trusted reverse proxy,
 * the X-Forwarded-Host/-Proto that proxy set.
 */
export type OriginPolicy = { publicUrl?: string; trustProxyHeaders: boolean };

export function originPolicy(): OriginPolicy {
  const config = getConfig();
  return { publicUrl: config.server.public_url ?? process.env.GATEHOUSE_PUBLIC_URL, trustProxyHeaders: config.server.trust_proxy_headers };
}

export function isSameOrigin(headers: Headers, requestUrl: string, policy: OriginPolicy = originPolicy()): boolean {
  const origin = headers.get("origin");
  // No Origin: not a browser, or a very old one; Sec-Fetch-Site still tells browsers apart.
  if (origin === null) {
    const site = headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  const claimed = parseOrigin(origin);
  if (!claimed) return false;
  return allowedOrigins(headers, requestUrl, policy).some((allowed) => allowed === claimed.origin || allowed === claimed.host);
}

/** Full origins, or bare hosts where the scheme is whatever the browser used to reach us. */
function allowedOrigins(headers: Headers, requestUrl: string, policy: OriginPolicy): string[] {
  const allowed: string[] = [];
  // The host the browser addressed. `next start` speaks plain HTTP, but a TLS terminator that
  // passes Host through makes the browser's origin https://host: the host is what identifies us.
  const host = headers.get("host") ?? safeHost(requestUrl);
  if (host) allowed.push(host.toLowerCase());
  if (policy.trustProxyHeaders) {
    const forwardedHost = firstValue(headers.get("x-forwarded-host"));
    const forwardedProto = firstValue(headers.get("x-forwarded-proto"));
    if (forwardedHost) allowed.push(forwardedProto ? `${forwardedProto}://${forwardedHost}`.toLowerCase() : forwardedHost.toLowerCase());
  }
  const configured = policy.publicUrl ? parseOrigin(policy.publicUrl) : null;
  if (configured) allowed.push(configured.origin);
  return allowed;
}

function parseOrigin(value: string): { origin: string; host: string } | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return { origin: url.origin, host: url.host };
  } catch {
    return null;
  }
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin to write into absolute links a client follows (SCIM's meta.location): the configured
 * public address, else what a trusted proxy forwarded, else the Host the client addressed. Not
 * request.url's: behind `next start` that names the address the server bound, not the one used.
 */
export function publicOrigin(headers: Headers, requestUrl: string, policy: OriginPolicy = originPolicy()): string {
  const configured = policy.publicUrl ? parseOrigin(policy.publicUrl) : null;
  if (configured) return configured.origin;
  const url = new URL(requestUrl);
  if (policy.trustProxyHeaders) {
    const forwardedHost = firstValue(headers.get("x-forwarded-host"));
    const forwardedProto = firstValue(headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
    const forwarded = forwardedHost ? parseOrigin(`${forwardedProto}://${forwardedHost}`) : null;
    if (forwarded) return forwarded.origin;
  }
  const host = headers.get("host");
  return (host && parseOrigin(`${url.protocol}//${host}`)?.origin) || url.origin;
}
