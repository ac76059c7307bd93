/**
 * Shared by the /api/v1/authz handlers: other applications call them with a console session
 * or with a bearer token from POST /management/login.
 */
import { ZAccessBatch, ZAccessCheck } from "../contracts/authz.ts";
import { resolveManagementToken } from "../management/token.ts";
import { fastAccessBatch } from "./batch-body.ts";

export const AUTHZ_CHECK_ROUTE = {
  body: ZAccessCheck,
  maxBodyBytes: 16 * 1024,
  bearer: resolveManagementToken,
} as const;
export const AUTHZ_BATCH_ROUTE = {
  body: ZAccessBatch,
  fastBody: fastAccessBatch,
  maxBodyBytes: 512 * 1024,
  bearer: resolveManagementToken,
} as const;
