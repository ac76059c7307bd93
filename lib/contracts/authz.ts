/**
 * /api/v1: the authorization decision API (check, check/batch), documented in
 * public/openapi/authz.json (generated, openapi/authz.ts), and the console's JSON helpers
 * (users, roles, a role's members, bulk actions, me), which feed the pickers and scripts.
 */
import { z } from "zod";
import { MAX_ROW_ID } from "../core/contract.ts";

export const MAX_BATCH = 1000;

// Requests

const ZCheckUser = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .meta({ description: "A username; PRIMARY when unqualified, else DOMAIN/name.", examples: ["alice", "SECONDARY/bob"] });
export const ZAccessCheck = z.union([
  z.strictObject({
    user: ZCheckUser,
    permission: z
      .string()
      .min(1)
      .max(512)
      .meta({ examples: ["/permission/admin/manage/identity/usermgt/view"] }),
  }),
  z.strictObject({
    user: ZCheckUser,
    scope: z
      .string()
      .min(1)
      .max(255)
      .meta({ examples: ["apim:api_publish"] }),
  }),
]);
export const ZAccessBatch = z.strictObject({
  checks: z.array(ZAccessCheck).min(1).max(MAX_BATCH, `At most ${MAX_BATCH} checks per call; split the batch.`),
});
export type TAccessBatch = z.infer<typeof ZAccessBatch>;

export const BULK_LIMIT = 10_000;
export const ZRowId = z.number().int().positive().max(MAX_ROW_ID);
export const ZBulkUserIds = z
  .array(ZRowId)
  .min(1, "Select at least one user.")
  .max(BULK_LIMIT, `Select at most ${BULK_LIMIT} users at a time.`);
export const ZBulkDelete = z.strictObject({ userIds: ZBulkUserIds });
export const ZBulkAssignRole = z.strictObject({ roleId: ZRowId, userIds: ZBulkUserIds });
/** POST /api/v1/users/{id}/disable, /enable, /unlock: the user's version as last read (optimistic). */
export const ZAccountStateBody = z.strictObject({ version: ZRowId });

const q = z.string().max(256).optional();
const after = z.string().max(2048).optional();
const size = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);
export const ZUserPickerQuery = z.object({ q, domain: z.string().max(64).optional(), size: size(20), after });
export const ZRolePickerQuery = z.object({ q, size: size(20), after });
export const ZMemberPickerQuery = z.object({ q, size: size(50), after });

// Answers

export const ZDecision = z.object({
  allowed: z.boolean(),
  reason: z.object({
    code: z.enum(["granted", "unknown-user", "unknown-permission", "unknown-scope", "not-granted"]),
    message: z.string(),
    roles: z.array(z.string()).meta({ description: "The user's roles that grant it (Internal/everyone included)." }),
    aliases: z
      .array(z.object({ role: z.string(), aliasOf: z.string() }))
      .meta({ description: "For scopes: held roles that get the scope as an alias of a mapped role." }),
  }),
});
export const ZDecisionBatch = z.object({ results: z.array(ZDecision) });

/** The error body of every defineRoute handler outside /management and the APIM API. */
export const ZApiError = z.object({
  code: z.string().meta({ examples: ["INVALID_INPUT"] }),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
