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
