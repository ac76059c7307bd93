import { apimError } from "../apim/errors.ts";
import { ERROR_STATUS, type ErrorCode } from "../errors.ts";
import { isSameOrigin, type OriginPolicy } from "./origin.ts";
import { isWellFormedText, MALFORMED_TEXT } from "./well-formed.ts";

/**
 * What proxy.ts decides before Next.js routes a request: the failures Next.js itself would
 * turn into a 500 (undecodable path segments, cross-origin or oversized server-action posts)
 * and NUL in the address, which no page, route or action can use. Pure, so it is unit-tested.
 */
export type EdgeRefusal = { status: number; body: unknown };

// Must equal `experimental.serverActions.bodySizeLimit` in next.config.js ("3mb").
export const ACTION_BODY_LIMIT_BYTES = 3 * 1024 * 1024;

type EdgeRequest = { method: string; url: string; headers: Headers };

export function edgeRefusal(request: EdgeRequest, policy: OriginPolicy): EdgeRefusal | null {
  const url = new URL(request.url);
  const refuse = (code: ErrorCode, message: string): EdgeRefusal => ({ status: ERROR_STATUS[code], body: errorBody(url.pathname, code, message) });

  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse("INVALID_INPUT", "The address contains malformed %-encoding.");
    }
    if (!isWellFormedText(decoded)) return refuse("INVALID_INPUT", `The address: ${MALFORMED_TEXT}`);
  }
  if (/%00/.test(url.search)) return refuse("INVALID_INPUT", `The query: ${MALFORMED_TEXT}`);

  if (isActionPost(request, url.pathname)) {
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > ACTION_BODY_LIMIT_BYTES) return refuse("PAYLOAD_TOO_LARGE", `The form is larger than ${ACTION_BODY_LIMIT_BYTES} bytes. Nothing was changed.`);
    if (!isSameOrigin(request.headers, request.url, policy)) return refuse("FORBIDDEN", "Cross-site requests are refused. Nothing was changed.");
  }
  return null;
}

/**
 * Pages answer POST only for server actions (with or without JavaScript); REST routes and
 * next-auth's endpoints check their own posts.
 */
function isActionPost(request: EdgeRequest, pathname: string): boolean {
  if (request.method !== "POST") return false;
  return request.headers.has("next-action") || !/^\/(api|management)(\/|$)/.test(pathname);
}

function errorBody(pathname: string, code: ErrorCode, message: string): unknown {
  const status = ERROR_STATUS[code];
  if (/^\/management(\/|$)/.test(pathname)) return { Error: message };
  if (/^\/api\/am\/admin\/v4(\/|$)/.test(pathname)) return apimError({ status, code, message });
  return { code, message };
}

/**
 * A server action's arguments arrive as React's reply format: a JSON array, as the whole body
 * or as form field "0" beside the parts it refers to. Next.js throws (a 500) on anything else,
 * so such a post is answered 400 here. Reads a clone: the body stays for Next.js.
 */
export async function malformedActionEnvelope(request: Request): Promise<EdgeRefusal | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const refuse = { status: 400, body: errorBody(new URL(request.url).pathname, "INVALID_INPUT", "The action request is malformed. Nothing was changed.") };
  let root: unknown;
  try {
    if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) root = (await request.clone().formData()).get("0");
    else root = await request.clone().text();
    if (typeof root !== "string" || !Array.isArray(JSON.parse(root))) return refuse;
  } catch {
    return refuse;
  }
  return null;
}

/**
 * Next.js compares an action's Origin with X-Forwarded-Host (or Host) only. When the origin
 * check accepted the post through the configured public address instead, the value Next.js
 * must see so that both checks agree; null when nothing needs changing.
 */
export function forwardedHostForAction(request: EdgeRequest): string | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return null;
  const originHost = new URL(origin).host;
  const seen = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return seen === originHost ? null : originHost;
}
