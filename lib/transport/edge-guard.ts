import { apimError } from "./apim-error.ts";
import { ERROR_STATUS, type ErrorCode } from "../errors.ts";
import { isSameOrigin, type OriginPolicy } from "../http/origin.ts";
import { isWellFormedText, MALFORMED_TEXT } from "../http/well-formed.ts";

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
  const refuse = (code: ErrorCode, message: string): EdgeRefusal => ({
    status: ERROR_STATUS[code],
    body: errorBody(url.pathname, code, message),
  });

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
    if (declared > ACTION_BODY_LIMIT_BYTES) {
      return refuse("PAYLOAD_TOO_LARGE", `The form is larger than ${ACTION_BODY_LIMIT_BYTES} bytes. Nothing was changed.`);
    }
    if (!isSameOrigin(request.headers, request.url, policy))
      return refuse("FORBIDDEN", "Cross-site requests are refused. Nothing was changed.");
  }
  return null;
}

/**
 * Pages answer POST only for server actions (with or without JavaScript); REST routes and
 * next-auth's endpoints check their own posts. The OAuth2 and DCR endpoints authenticate by
 * credentials in the request, never by cookie, so another origin's post is not a forgery.
 */
function isActionPost(request: EdgeRequest, pathname: string): boolean {
  if (request.method !== "POST") return false;
  return request.headers.has("next-action") || !/^\/(api|management|oauth2|client-registration)(\/|$)/.test(pathname);
}

function errorBody(pathname: string, code: ErrorCode, message: string): unknown {
  const status = ERROR_STATUS[code];
  if (/^\/management(\/|$)/.test(pathname)) return { Error: message };
  if (/^\/api\/am\/admin\/v4(\/|$)/.test(pathname)) return apimError({ status, code, message });
  return { code, message };
}

/**
 * A server action's arguments arrive in React's reply format: a JSON array, as the whole body
 * or as form field "0" beside the parts it refers to. Next.js throws (a 500) on a body that is
 * not that, on a multipart header it cannot parse, or on a reference to a part that is not
 * there, so such a post is answered 400 here. The console's actions take a previous state and
 * a form, so only inline values and form references ($K) are accepted. Reads clones: the body
 * stays for Next.js.
 */
export async function malformedActionEnvelope(request: Request): Promise<EdgeRefusal | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const message = "The action request is malformed. Nothing was changed.";
  const refuse = { status: 400, body: errorBody(new URL(request.url).pathname, "INVALID_INPUT", message) };
  try {
    const type = request.headers.get("content-type") ?? "";
    let root: unknown;
    if (type.startsWith("multipart/form-data")) {
      if (!partHeadersReadable(Buffer.from(await request.clone().arrayBuffer()).toString("latin1"), type)) return refuse;
      root = (await request.clone().formData()).get("0");
    } else {
      root = await request.clone().text();
    }
    if (typeof root !== "string") return refuse;
    const args: unknown = JSON.parse(root);
    return Array.isArray(args) && onlyInlineReferences(args) ? null : refuse;
  } catch {
    return refuse;
  }
}

// "$undefined", "$K1" (a form), "$$…" (an escaped dollar), dates, bigints and the special numbers.
const INLINE_REFERENCE = /^\$(?:undefined|K[0-9a-f]+|\$.*|D.*|n-?\d+|Infinity|-Infinity|NaN|-0)$/s;

function onlyInlineReferences(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || INLINE_REFERENCE.test(value);
  if (Array.isArray(value)) return value.every(onlyInlineReferences);
  if (value !== null && typeof value === "object") return Object.values(value).every(onlyInlineReferences);
  return true;
}

/** Part headers must be printable (HTTP field values); Next's multipart parser throws on others. */
function partHeadersReadable(body: string, contentType: string): boolean {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return false;
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith("--")) break;
    const end = part.indexOf("\r\n\r\n");
    const head = end === -1 ? part : part.slice(0, end);
    if (/[\x00-\x08\x0A-\x1F\x7F]/.test(head.replace(/\r\n/g, ""))) return false;
  }
  return true;
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
