/**
 * Shared by the /api/v1/authz handlers: other applications call them with a console session
 * or with a bearer token from POST /management/login.
 */
import { z } from "zod";
import { resolveManagementToken } from "../management/token.ts";

export const MAX_BATCH = 1000;

const ZUser = z.string().trim().min(1).max(255);
export const ZAccessCheck = z.union([
  z.strictObject({ user: ZUser, permission: z.string().min(1).max(512) }),
  z.strictObject({ user: ZUser, scope: z.string().min(1).max(255) }),
]);
export const ZAccessBatch = z.strictObject({
  checks: z.array(ZAccessCheck).min(1).max(MAX_BATCH, `At most ${MAX_BATCH} checks per call; split the batch.`),
});

export const AUTHZ_CHECK_ROUTE = {
  body: ZAccessCheck,
  maxBodyBytes: 16 * 1024,
  bearer: resolveManagementToken,
} as const;
export const AUTHZ_BATCH_ROUTE = {
  body: ZAccessBatch,
  maxBodyBytes: 512 * 1024,
  bearer: resolveManagementToken,
} as const;
