/**
 * The Micro Integrator's management API answers errors as {"Error": "..."}; scripts written for
 * the MI read that field, so /management keeps it. The status code carries the kind.
 */
import type { ErrorFormatter } from "../authz/route.ts";
import { resolveManagementToken } from "./token.ts";

export type MiError = { Error: string };

export const miError: ErrorFormatter = (e): MiError => ({ Error: e.message });

export function miErrorResponse(status: number, message: string): Response {
  return Response.json({ Error: message } satisfies MiError, { status });
}

/** What every /management handler passes to defineRoute besides its feature. */
export const MGMT_ROUTE = { formatError: miError, bearer: resolveManagementToken, maxBodyBytes: 64 * 1024 } as const;
