import "server-only";
import { z } from "zod";
import { currentPrincipal } from "../auth/current-principal.ts";
import { throttledMessage } from "../auth/throttled.ts";
import { describeIssues } from "../core/zod-issues.ts";
import { readCappedText } from "../http/capped-body.ts";
import { clientIp } from "../http/client-address.ts";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors.ts";
import { isSameOrigin } from "../http/origin.ts";
import { findMalformedText, malformedTextMessage } from "../http/well-formed.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Actor, Principal } from "../authz/principal.ts";
import { operationRefusal } from "../authz/operation.ts";
import { db } from "../db/client.ts";
import { isCallersTenant } from "../tenants/path-tenant.ts";
import { PATH_TENANT_HEADER } from "./tenant-path.ts";

export type RouteError = { status: number; code: ErrorCode; message: string; details?: Record<string, unknown> };
/** Each API family answers errors in its own shape (APIM's {code, message, description}, the MI's {Error}, …). */
export type ErrorFormatter = (error: RouteError) => unknown;
/** Turns an `Authorization: Bearer` token into a principal; the management API registers one. */
export type BearerResolver = (token: string) => Promise<Principal | null>;
/**
 * Turns `Authorization: Basic` credentials into a principal for this one request, with `end` to
 * close the session it opened once the request is answered; null when they are refused.
 */
export type BasicResolver = (
  authorization: string,
  request: Request,
) => Promise<{ principal: Principal; end: () => Promise<void> } | { retryAfterSeconds: number } | null>;

const defaultFormatter: ErrorFormatter = (e) => ({ code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DEFAULT_MAX_BODY = 1024 * 1024;
// Built once: constructing a zod schema costs more than parsing a short query with it.
const ANY_QUERY = z.record(z.string(), z.string());

export type RouteOptions<B extends z.ZodType, Q extends z.ZodType> = {
  /** "self": any signed-in user, on their own account only; the handler must make sure of that. */
  feature: FeatureKey | "self";
  body?: B;
  query?: Q;
  formatError?: ErrorFormatter;
  bearer?: BearerResolver;
  /** Where the WSO2 API takes HTTP Basic credentials on every call (Identity Server's REST APIs). */
  basic?: BasicResolver;
  /** OAuth2 scopes, any one of which an OAuth token must hold (lib/authz/scope.ts). */
  scope?: readonly string[];
  maxBodyBytes?: number;
  /**
   * A hand-written parser for a hot route's body: it returns exactly what `body` would, or
   * undefined to let the usual path (the well-formedness walk, then `body`) decide and word the
   * refusal. It may only accept a body with no malformed text (lib/http/well-formed.ts).
   */
  fastBody?: (json: unknown) => z.infer<B> | undefined;
  /** The WWW-Authenticate challenge sent with a 401 (RFC 9110 requires one); APIs that never sent it leave it unset. */
  challenge?: string;
};

export type RouteInput<B extends z.ZodType, Q extends z.ZodType, P> = { body: z.infer<B>; query: z.infer<Q>; params: P; request: Request };

/**
 * The only way to define a REST handler. It authenticates (console cookie, or a bearer token
 * where the API accepts one), refuses cross-site cookie requests, asks decide(), parses and
 * validates the query and a size-limited JSON body, and maps every failure to the API's
 * error shape. A handler returns a Response, or a value to send as JSON.
 */
export function defineRoute<
  P = Record<string, string>,
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodType<Record<string, string>>,
>(options: RouteOptions<B, Q>, handler: (input: RouteInput<B, Q, P>, actor: Actor) => Promise<unknown>) {
  const format = options.formatError ?? defaultFormatter;
  const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>, extra: Record<string, string> = {}) => {
    const status = ERROR_STATUS[code];
    const headers: Record<string, string> = status === 401 && options.challenge ? { "www-authenticate": options.challenge } : {};
    return Response.json(format({ status, code, message, details }), { status, headers: { ...headers, ...extra } });
  };
  const throttled = (seconds: number) => fail("RATE_LIMITED", throttledMessage(seconds), undefined, { "retry-after": String(seconds) });

  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    // Settled early so that a rejection (Next.js failing to decode a segment) is never left unhandled.
    const pendingParams = readParams(context.params);
    let endBasic: (() => Promise<void>) | undefined;
    try {
      const authorization = request.headers.get("authorization");
      const basic =
        options.basic && authorization?.toLowerCase().startsWith("basic ") ? await options.basic(authorization, request) : undefined;
      if (basic === null) return fail("UNAUTHENTICATED", "The username or password is not correct, or the account may not sign in.");
      if (basic && "retryAfterSeconds" in basic) return throttled(basic.retryAfterSeconds);
      endBasic = basic?.end;
      const principal = basic ? basic.principal : await authenticate(request, options.bearer);
      if (principal === "cross-site") return fail("FORBIDDEN", "Cross-site requests are refused.");
      const pathTenant = request.headers.get(PATH_TENANT_HEADER);
      if (principal && pathTenant !== null && !(await isCallersTenant(db(), principal.tenantId, pathTenant))) {
        return fail("UNAUTHENTICATED", `These credentials are not of the tenant the address names (/t/${pathTenant}/).`);
      }
      const refused = operationRefusal(principal, options.feature, options.scope);
      if (refused) return fail(refused.code, refused.reason);

      const params = await pendingParams;
      if (!params.ok) return fail(params.code, params.message);
      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      const badQuery = findMalformedText(rawQuery);
      if (badQuery !== null) return fail("INVALID_INPUT", malformedTextMessage(badQuery));
      const query = (options.query ?? ANY_QUERY).safeParse(rawQuery);
      if (!query.success) return fail("INVALID_INPUT", describeIssues(query.error), { issues: query.error.issues });
      const body = options.body
        ? await readBody(request, options.body, options.maxBodyBytes ?? DEFAULT_MAX_BODY, options.fastBody)
        : { ok: true as const, value: undefined };
      if (!body.ok) return fail(body.code, body.message);

      const ip = clientIp(Object.fromEntries(request.headers.entries()));
      const input = { body: body.value as z.infer<B>, query: query.data as z.infer<Q>, params: params.value, request };
      const result = await handler(input, { ...principal!, ip });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      throw error;
    } finally {
      await endBasic?.();
    }
  };
}

async function authenticate(request: Request, bearer: BearerResolver | undefined): Promise<Principal | null | "cross-site"> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return bearer ? bearer(authorization.slice(7).trim()) : null;
  }
  // Cookies ride along on cross-site requests; a token in a header cannot.
  if (UNSAFE.has(request.method) && !isSameOrigin(request.headers, request.url)) return "cross-site";
  return currentPrincipal();
}

type BodyResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Path segments arrive %-decoded; one that cannot be decoded, or decodes to NUL, names nothing. */
async function readParams<P>(params: Promise<P>): Promise<BodyResult<P>> {
  let value: P;
  try {
    value = await params;
  } catch {
    return { ok: false, code: "INVALID_INPUT", message: "The address contains malformed %-encoding." };
  }
  const bad = findMalformedText(value);
  return bad === null ? { ok: true, value } : { ok: false, code: "INVALID_INPUT", message: malformedTextMessage(bad) };
}

async function readBody<B extends z.ZodType>(
  request: Request,
  schema: B,
  maxBytes: number,
  fast?: (json: unknown) => z.infer<B> | undefined,
): Promise<BodyResult<z.infer<B>>> {
  const text = await readCappedText(request, maxBytes);
  if (text === null) return { ok: false, code: "PAYLOAD_TOO_LARGE", message: `The body is larger than ${maxBytes} bytes.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, code: "INVALID_INPUT", message: "The body is not valid JSON." };
  }
  const quick = fast?.(json);
  if (quick !== undefined) return { ok: true, value: quick };
  const bad = findMalformedText(json);
  if (bad !== null) return { ok: false, code: "INVALID_INPUT", message: malformedTextMessage(bad) };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", message: describeIssues(parsed.error) };
  return { ok: true, value: parsed.data };
}
