/**
 * The MI-compatible /management API (apictl's `mi` commands): every request and answer shape.
 * Routes parse with the request schemas, the CLI and tests with the answers, and
 * public/openapi/management.json is generated from them (openapi/management.ts).
 * Request objects are z.object, which ignores unknown fields, as the MI ignores them.
 */
import { z } from "zod";
import { MAX_MANAGEMENT_PAGE } from "../core/contract.ts";

const DOMAIN_PARAM = 'User store domain (PRIMARY when omitted); "DOMAIN/name" in the path works too';

/**
 * apictl sends `"domain": ""` when the admin accepts the default store: empty means PRIMARY, as
 * in the MI, so it is dropped here and the name's own domain (or PRIMARY) applies.
 */
const domain = (meta: { description: string; default?: string }) =>
  z
    .string()
    .max(64)
    .nullish()
    // On the input side, so the documents (written as the input a request may carry) show it.
    .meta(meta)
    .transform((v) => v || undefined);
export const ZDomain = domain({ description: "User store domain; empty or absent means PRIMARY" });

/** apictl sends isAdmin as the string "true" or "false"; scripts send a boolean. */
export const ZIsAdmin = z
  .union([
    z.boolean(),
    z
      .string()
      .max(5)
      .regex(/^(true|false)$/i, "Expected true or false.")
      .transform((v) => v.toLowerCase() === "true"),
  ])
  .nullish()
  .meta({ description: 'true/false, or the strings "true"/"false" as apictl sends them', default: false })
  .transform((v) => v ?? false);

/** Go marshals an empty role list as null; both mean "none" (the handler reads `?? []`). */
export const ZRoleNames = z.array(z.string().min(1).max(1024)).max(500).nullish();

/**
 * Paging is opt-in: apictl never pages, so a list without `limit` (or `cursor`) is the MI's
 * whole list, streamed. With either, it is one keyset page.
 */
export const ZPagingQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_MANAGEMENT_PAGE)
    .optional()
    .meta({
      description:
        `Page size, 1-${MAX_MANAGEMENT_PAGE}. Without \`limit\` and \`cursor\` the whole list is returned ` +
        `(streamed); with only \`cursor\`, pages of 100`,
    }),
  cursor: z.string().max(2048).optional().meta({ description: "The `next` value of the previous page (asks for paging)" }),
};

const domainParam = domain({ description: DOMAIN_PARAM });
const searchKey = z.string().max(256).optional().meta({ description: "Substring (or a `*` pattern)" });
/** Not the MI's: what the console and the gatehouse CLI send (lib/stores/name-search.ts). */
const search = z
  .string()
  .max(256)
  .optional()
  .meta({
    description:
      "Gatehouse only, instead of pattern or searchKey: text without `*` matches anywhere in the name, " +
      "exact names first (on the first page); text with `*` is a WSO2 pattern",
  });

// Requests

export const ZUserListQuery = z.object({
  pattern: z.string().max(256).optional().meta({ description: "WSO2 pattern, `*` matches anything" }),
  searchKey,
  search,
  role: z.string().max(1024).optional().meta({ description: "Only members of this role" }),
  detail: z.enum(["true", "false"]).optional().meta({
    description: "Gatehouse only: `true` adds each user's domain and roles to the list (one query per page of users)",
  }),
  domain: domainParam,
  ...ZPagingQuery,
});
/**
 * Gatehouse only: GET /export/users, the users list's view as a file (docs/import-export.md). The
 * same filters as the console's Users page; an unknown value is refused (400), not defaulted.
 */
export const ZUserExportQuery = z.object({
  format: z
    .enum(["csv", "json"])
    .optional()
    .meta({ description: "`csv` (WSO2's bulk-import columns) or `json` (JSON lines, one user per line)", default: "csv" }),
  search: z.string().max(256).optional().meta({
    description: "Text without `*` matches anywhere in the name; text with `*` is a WSO2 pattern (as the Users page's search box)",
  }),
  domain: z.string().max(64).optional().meta({ description: "Only this user store's users (absent: every store)" }),
  claim: z.string().max(256).optional().meta({ description: "Only users holding this claim URI, with `value`" }),
  value: z.string().max(256).optional().meta({ description: "The claim's value, a `*` pattern ignoring case (absent: any value)" }),
  sort: z.enum(["username", "domain"]).optional().meta({ description: "Order of the rows", default: "username" }),
  dir: z.enum(["asc", "desc"]).optional().meta({ description: "Ascending or descending", default: "asc" }),
});
export const ZUserQuery = z.object({ domain: domainParam });
export const ZRoleListQuery = z.object({ searchKey, search, domain: domainParam, ...ZPagingQuery });
export const ZRoleQuery = z.object({ domain: domainParam, ...ZPagingQuery });
export const ZAssignQuery = z.object({
  detail: z
    .enum(["true", "false"])
    .optional()
    .meta({
      description:
        "`true`: also list the roles actually added and removed. Without it the answer holds strings only, " +
        "since apictl reads it as a map of strings",
    }),
});

export const ZNewUser = z.object({
  userId: z.string().min(1).max(1024),
  /** The route pipes it into the configured password policy, so the error names the field as sent. */
  password: z.string().min(1).max(1024),
  isAdmin: ZIsAdmin,
  domain: domain({ description: "User store domain; empty or absent means PRIMARY", default: "PRIMARY" }),
});
export type TNewUser = z.input<typeof ZNewUser>;

export const ZPasswordChange = z.object({
  oldPassword: z.string().max(1024).optional(),
  newPassword: z.string().min(1).max(1024),
  confirmPassword: z.string().max(1024),
});

export const ZNewRole = z.object({
  role: z.string().min(1).max(1024),
  domain: domain({ description: "empty or absent: the role name's own domain, or PRIMARY" }),
});

// As in the MI, a body naming neither list is refused rather than treated as "no change".
export const ZRoleAssignment = z
  .object({
    userId: z.string().min(1).max(1024),
    domain: domain({ description: "The user's store; empty or absent means PRIMARY" }),
    addedRoles: ZRoleNames,
    removedRoles: ZRoleNames,
  })
  .refine((b) => b.addedRoles !== undefined || b.removedRoles !== undefined, { message: "Name addedRoles, removedRoles or both." })
  .meta({
    description: "Name addedRoles, removedRoles or both (null means none, as Go sends an empty list)",
    // The refine above, which JSON Schema cannot see: at least one of the two fields.
    anyOf: ["addedRoles", "removedRoles"].map((key) => ({ type: "object", properties: { [key]: {} }, required: [key] })),
  })
  .transform((b) => ({ ...b, addedRoles: b.addedRoles ?? [], removedRoles: b.removedRoles ?? [] }));

// Answers. z.object, not strict: the documents still say additionalProperties: false (zod writes
// that for output), while a CLI parsing with them keeps working when a newer server adds a field.

export const ZMiError = z.object({ Error: z.string() }).meta({ examples: [{ Error: "No such user: alice." }] });
export const ZToken = z.object({
  AccessToken: z.string().min(1),
  Tenant: z
    .string()
    .optional()
    .meta({ description: "Gatehouse's own: the tenant domain the token acts in (name@tenant signs in to tenant; else carbon.super)" }),
});
export const ZLoggedOut = z.object({ Message: z.string() });

const paging = {
  count: z.number().int().min(0).meta({ description: "Whole list: every match. A page: the entries in this page" }),
  truncated: z.boolean().optional().meta({ description: "Pages only: more rows exist" }),
  next: z.string().nullable().optional().meta({ description: "Pages only: the cursor of the next page" }),
};
/** What a page (asked for with `limit` or `cursor`) always carries. */
const pageOnly = { truncated: z.boolean(), next: z.string().nullable() };

export const ZUserList = z.object({
  ...paging,
  list: z.array(
    z.object({
      userId: z.string(),
      domain: z.string().optional().meta({ description: "With `detail=true`: the user's store" }),
      roles: z
        .array(z.string())
        .optional()
        .meta({ description: "With `detail=true`: the roles the user holds (Internal/everyone left out)" }),
    }),
  ),
});
export const ZUserPage = ZUserList.extend(pageOnly);
export const ZRoleList = z.object({ ...paging, list: z.array(z.object({ role: z.string() })) });
export const ZRolePage = ZRoleList.extend(pageOnly);
export const ZRole = z.object({ role: z.string(), ...paging, users: z.array(z.string()) });
export const ZRoleMembersPage = ZRole.extend(pageOnly);
export const ZUser = z.object({ userId: z.string(), isAdmin: z.boolean(), roles: z.array(z.string()) });
export const ZStatus = z.object({ userId: z.string(), status: z.string() });
/** Not the MI's: the configured password policy, so a client can check a new password as soon as it is typed. */
export const ZPasswordPolicy = z.object({
  minLength: z.number().int().meta({ description: "Fewest characters (code points) a new password may have" }),
  maxLength: z.number().int().meta({ description: "Most characters (code points) a new password may have" }),
});
export const ZRoleStatus = z.object({ role: z.string(), status: z.string() });
export const ZAssignmentResult = z.object({
  userId: z.string(),
  addedRoles: z.array(z.string()),
  removedRoles: z.array(z.string()),
  status: z.string(),
});
/** PUT /roles answers the plain status, or with `?detail=true` the roles actually changed. */
export const ZAssignmentAnswer = z.union([ZStatus, ZAssignmentResult]);

/** One line of GET /export/users?format=json (JSON lines); the CSV has the same content in WSO2's bulk-import columns. */
export const ZExportedUser = z.object({
  userName: z.string().meta({ description: "Qualified name: bare in PRIMARY, DOMAIN/name elsewhere" }),
  roles: z.array(z.string()).meta({ description: "Qualified role names, Internal/everyone first" }),
  claims: z.record(z.string(), z.string()).meta({ description: "Claim URI to value (the username claim left out)" }),
});
/** The CSV file of GET /export/users (text/csv). */
export const ZUsersCsv = z.string().meta({
  description:
    'CRLF lines; header "UserName,Password,Roles,<claim URI>,…" (every claim of the tenant in display order); ' +
    'Password always empty; Roles joined with ":"; every cell quoted, a cell starting with = + - @ gets a leading apostrophe',
});
