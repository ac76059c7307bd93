/**
 * The DCR edge (client-registration v0.17). WSO2's scripts authenticate it with a user's HTTP
 * Basic credentials, so it cannot use defineRoute's cookie or bearer: the credentials go
 * through signInWithPassword like /management/login (rate limits, lockout, Login, audit), and
 * the short "api" session that opens is ended as soon as the request is answered.
 */
import type { z } from "zod";
import { apimError } from "../transport/apim-error.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import { throttledMessage } from "../auth/throttled.ts";
import { loadSubjectRoles } from "../authz/principal.ts";
import { describeIssues } from "../core/zod-issues.ts";
import { getConfig } from "../config/current.ts";
import { db } from "../db/client.ts";
import { AppError, ERROR_STATUS, type ErrorCode } from "../errors.ts";
import { clientIp } from "../http/client-address.ts";
import { findMalformedText, malformedTextMessage } from "../http/well-formed.ts";
import { parseBasicAuth } from "../management/basic-auth.ts";
import { revokeSessionById } from "../sessions/revoke-session.ts";
import { sessionIdFor } from "../sessions/secret.ts";
import { qualifiedName } from "../core/domains.ts";
import { ZDeleteClient, ZRegisterClient } from "../contracts/oauth2.ts";
import { deleteClient } from "./delete-client.ts";
import { registerClient, type Registrant } from "./register-client.ts";
import { tenantUserStore } from "../user-stores/user-store-for.ts";

const MAX_BODY_BYTES = 16 * 1024;
const REFUSED = "The username or password is not correct, or the account may not sign in.";

const fail = (code: ErrorCode, message: string, headers: Record<string, string> = {}) =>
  Response.json(apimError({ status: ERROR_STATUS[code], code, message }), { status: ERROR_STATUS[code], headers });

type Caller = Registrant & { isAdmin: boolean };

async function withCaller(request: Request, act: (caller: Caller, ip: string) => Promise<Response>): Promise<Response> {
  const credentials = parseBasicAuth(request.headers.get("authorization"));
  if (!credentials)
    return fail("UNAUTHENTICATED", "Send a username and password with HTTP Basic authentication.", {
      "www-authenticate": 'Basic realm="Gatehouse"',
    });
  if ("refused" in credentials) return fail("INVALID_INPUT", credentials.refused);
  const headers = Object.fromEntries(request.headers.entries());
  const ip = clientIp(headers);
  const client = db();
  const result = await signInWithPassword(client, getConfig(), { ...credentials, kind: "api", ip, userAgent: headers["user-agent"] ?? "" });
  if (!result.ok && result.retryAfterSeconds) {
    const body = { code: 429, message: "Too Many Requests", description: throttledMessage(result.retryAfterSeconds) };
    return Response.json(body, { status: 429, headers: { "retry-after": String(result.retryAfterSeconds) } });
  }
  if (!result.ok) return fail("UNAUTHENTICATED", REFUSED, { "www-authenticate": 'Basic realm="Gatehouse"' });
  try {
    const user = await (await tenantUserStore(client, result.tenantId)).getUser(client, result.tenantId, result.userId);
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    const { isAdmin } = await loadSubjectRoles(client, result.tenantId, result.userId);
    const caller = {
      tenantId: result.tenantId,
      userId: result.userId,
      displayName: qualifiedName(user.domain, user.username),
      isAdmin,
    };
    return await act(caller, ip);
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    throw error;
  } finally {
    await revokeSessionById(client, result.tenantId, sessionIdFor(result.sessionSecret), "DCR request answered");
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const bad = findMalformedText(value);
  if (bad !== null) throw new AppError("INVALID_INPUT", malformedTextMessage(bad));
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT", describeIssues(parsed.error));
  return parsed.data;
}

export async function registerEndpoint(request: Request): Promise<Response> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return fail("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return fail("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail("INVALID_INPUT", "The body is not valid JSON.");
  }
  return withCaller(request, async (caller, ip) => {
    const input = parse(ZRegisterClient, json);
    return Response.json(await registerClient(db(), caller, input, ip), { headers: { "cache-control": "no-store" } });
  });
}

export async function unregisterEndpoint(request: Request): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return withCaller(request, async (caller, ip) => {
    await deleteClient(db(), caller, parse(ZDeleteClient, query), ip);
    return new Response(null, { status: 200 });
  });
}
