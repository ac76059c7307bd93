import { getConfig } from "../config/current.ts";

/**
 * Set by scripts/serve.mjs on every request from the TCP connection's address, overwriting
 * whatever the client sent. Next.js keeps a client's own X-Forwarded-For, so without this a
 * client talking to Gatehouse directly could choose the address its limits and locks count.
 */
export const PEER_HEADER = "x-gatehouse-peer";

type HeaderBag = Record<string, string | undefined>;

/**
 * The client address for the per-address rate limits and lockout, sessions and the audit log.
 * Behind a proxy (`[server] trust_proxy_headers`) it is the first X-Forwarded-For entry, which
 * that proxy must overwrite; otherwise the TCP peer. Without the peer header (`next dev`, tests
 * that call handlers directly) it falls back to X-Forwarded-For.
 */
export function clientIp(headers: HeaderBag, trustProxyHeaders: boolean = getConfig().server.trust_proxy_headers): string {
  const peer = headers[PEER_HEADER];
  const forwarded = headers["x-forwarded-for"]?.split(",")[0];
  const chosen = trustProxyHeaders ? (forwarded ?? peer) : (peer ?? forwarded);
  return unmapIpv4((chosen ?? headers["x-real-ip"] ?? "").trim()).slice(0, 64);
}

/** A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; one client, one address. */
function unmapIpv4(address: string): string {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match ? match[1]! : address;
}
