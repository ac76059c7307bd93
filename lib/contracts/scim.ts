/**
 * /scim2: SCIM 2.0 (RFC 7643, RFC 7644) at WSO2 Identity Server's paths. The list query
 * (RFC 7644 3.4.2) and the POST .search body (3.4.3); answers are SCIM resources, built in
 * lib/scim. Pure: zod only.
 */
import { z } from "zod";

export const SCIM_SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
export const SCIM_CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
/** ServiceProviderConfig's filter.maxResults: the largest page `count` may ask for. */
export const SCIM_MAX_RESULTS = 200;
export const SCIM_DEFAULT_COUNT = 100;

const list = z
  .string()
  .max(4096)
  .transform((s) =>
    s
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean),
  );
/** RFC 7644 3.4.2.4: startIndex below 1 is read as 1, a negative count as 0. */
const startIndex = z.coerce
  .number()
  .int()
  .max(2_000_000_000)
  .transform((n) => Math.max(1, n));
const count = z.coerce
  .number()
  .int()
  .max(2_000_000_000)
  .transform((n) => Math.min(Math.max(0, n), SCIM_MAX_RESULTS));
const sortOrder = z.enum(["ascending", "descending"]);

export const ZScimListQuery = z.object({
  filter: z.string().max(4096).optional(),
  sortBy: z.string().max(256).optional(),
  sortOrder: sortOrder.optional(),
  startIndex: startIndex.optional(),
  count: count.optional(),
  attributes: list.optional(),
  excludedAttributes: list.optional(),
  /** RFC 9865 cursor paging: empty for the first page, then the answer's nextCursor. */
  cursor: z.string().max(2048).optional(),
});

/** A single resource's GET takes only the projection. */
export const ZScimResourceQuery = ZScimListQuery.pick({ attributes: true, excludedAttributes: true });

export const ZScimSearchRequest = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(SCIM_SEARCH_REQUEST), `schemas must name ${SCIM_SEARCH_REQUEST}.`),
  attributes: z.array(z.string().max(256)).max(100).optional(),
  excludedAttributes: z.array(z.string().max(256)).max(100).optional(),
  filter: z.string().max(4096).optional(),
  sortBy: z.string().max(256).optional(),
  sortOrder: sortOrder.optional(),
  startIndex: z
    .number()
    .int()
    .max(2_000_000_000)
    .transform((n) => Math.max(1, n))
    .optional(),
  count: z
    .number()
    .int()
    .max(2_000_000_000)
    .transform((n) => Math.min(Math.max(0, n), SCIM_MAX_RESULTS))
    .optional(),
  cursor: z.string().max(2048).optional(),
});

export type TScimListQuery = z.output<typeof ZScimListQuery>;

/** POST /scim2/Users: a SCIM User (RFC 7643 4.1); lib/scim/user-body.ts maps its attributes. */
export const ZScimUserBody = z
  .object({ schemas: z.array(z.string()).refine((s) => s.includes(SCIM_CORE_USER), `schemas must name ${SCIM_CORE_USER}.`) })
  .catchall(z.unknown());

export const SCIM_CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
/** A member as clients send it: the user's id in `value` (display, type and $ref are read-only here). */
export const ZScimMemberValue = z.object({ value: z.union([z.string().max(64), z.number()]) }).catchall(z.unknown());
/** POST and PUT /scim2/Groups: a SCIM Group (RFC 7643 4.2); `displayName` is `DOMAIN/name`, bare in PRIMARY. */
export const ZScimGroupBody = z
  .object({
    schemas: z.array(z.string()).refine((s) => s.includes(SCIM_CORE_GROUP), `schemas must name ${SCIM_CORE_GROUP}.`),
    displayName: z.string().min(1).max(1100),
    members: z.array(ZScimMemberValue).max(10_000).optional(),
  })
  .catchall(z.unknown());
export type TScimGroupBody = z.output<typeof ZScimGroupBody>;

export const SCIM_PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/** The most operations one PATCH may carry (a role's member list moves in one request). */
export const SCIM_MAX_PATCH_OPERATIONS = 1000;

/**
 * PATCH's body (RFC 7644 3.5.2). `op` is case-insensitive: Azure AD and WSO2's own clients send
 * "Add" and "Replace". remove needs a path (3.5.2.2); add and replace without one merge a value
 * object into the resource.
 */
export const ZScimPatchOp = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(SCIM_PATCH_OP), `schemas must name ${SCIM_PATCH_OP}.`),
  Operations: z
    .array(
      z
        .object({
          op: z
            .string()
            .transform((s) => s.toLowerCase())
            .pipe(z.enum(["add", "remove", "replace"], { error: "op must be add, remove or replace." })),
          path: z.string().min(1).max(1024).optional(),
          value: z.unknown().optional(),
        })
        .refine((o) => o.op !== "remove" || o.path !== undefined, { message: "remove needs a path.", path: ["path"] })
        .refine((o) => o.op === "remove" || o.value !== undefined, { message: "add and replace need a value.", path: ["value"] }),
    )
    .min(1, "Operations must not be empty.")
    .max(SCIM_MAX_PATCH_OPERATIONS, `At most ${SCIM_MAX_PATCH_OPERATIONS} operations per request.`),
});
export type TScimPatchOp = z.output<typeof ZScimPatchOp>;

export const SCIM_BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
export const SCIM_BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
/** ServiceProviderConfig's bulk limits: WSO2 IS's defaults. More is 413 tooMany (RFC 7644 3.7.4). */
export const SCIM_BULK_MAX_OPERATIONS = 1000;
export const SCIM_BULK_MAX_PAYLOAD = 1_048_576;

/**
 * One operation of a BulkRequest (RFC 7644 3.7). `path` and `data` are checked per operation
 * (lib/scim/bulk.ts), so one bad operation fails alone; the envelope's shape is checked here.
 * No count limit here: more than maxOperations is 413, not 400.
 */
export const ZScimBulkOperation = z.object({
  method: z.preprocess((m) => (typeof m === "string" ? m.toUpperCase() : m), z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"])),
  bulkId: z.string().min(1).max(256).optional(),
  path: z.string().min(1).max(1024),
  version: z.string().max(256).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const ZScimBulkRequest = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(SCIM_BULK_REQUEST), `schemas must name ${SCIM_BULK_REQUEST}.`),
  failOnErrors: z.number().int().min(1).optional(),
  Operations: z.array(ZScimBulkOperation).refine((ops) => {
    const ids = ops.flatMap((o) => (o.bulkId === undefined ? [] : [o.bulkId]));
    return new Set(ids).size === ids.length;
  }, "Each bulkId names one operation: a bulkId is used twice."),
});

export type TScimBulkOperation = z.output<typeof ZScimBulkOperation>;
