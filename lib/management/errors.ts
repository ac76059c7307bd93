/**
 * The Micro Integrator's management API answers errors as {"Error": "..."}; scripts written for
 * the MI read that field, so /management keeps it. The status code carries the kind.
 */
import type { ErrorFormatter } from "../transport/route.ts";
import { resolveManagementToken } from "./token.ts";

export type MiError = { Error: string };

export const miError: ErrorFormatter = (e): MiError => ({ Error: e.message });

const REALM = 'realm="Gatehouse management API"';
/** /management/login takes HTTP Basic; every other /management call a bearer token. */
export const BASIC_CHALLENGE = `Basic ${REALM}`;
export const BEARER_CHALLENGE = `Bearer ${REALM}`;

export function miErrorResponse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ Error: message } satisfies MiError, { status, headers });
}

/** What every /management handler passes to defineRoute besides its feature. */
export const MGMT_ROUTE = {
  formatError: miError,
  bearer: resolveManagementToken,
  maxBodyBytes: 64 * 1024,
  challenge: BEARER_CHALLENGE,
} as const;
