/**
 * What every /scim2 handler passes to commandRoute: SCIM's error body, and the credentials
 * WSO2 Identity Server's SCIM clients send: HTTP Basic on each call, a bearer token (an OAuth2
 * access token holding the operation's internal_* scope, or a /management token), or the
 * console's cookie.
 */
import { publicOrigin } from "../http/origin.ts";
import { resolveBasicCredentials } from "../management/basic-principal.ts";
import { resolveApimBearer } from "../oauth2/bearer.ts";
import { PATH_TENANT_HEADER } from "../transport/tenant-path.ts";
import type { ScimOne } from "./queries.ts";
import { scimErrorBody, scimJson } from "./scim-error.ts";
import { version } from "./resources.ts";

export const SCIM_ROUTE = {
  formatError: scimErrorBody,
  bearer: resolveApimBearer,
  basic: resolveBasicCredentials,
  challenge: 'Basic realm="scim2", Bearer realm="scim2"',
} as const;

/** WSO2 IS's scopes for its SCIM2 operations (any one of a list will do). */
export const SCIM_SCOPES = {
  usersList: ["internal_user_mgt_list"],
  usersView: ["internal_user_mgt_view"],
  usersCreate: ["internal_user_mgt_create"],
  usersUpdate: ["internal_user_mgt_update"],
  usersDelete: ["internal_user_mgt_delete"],
  me: ["internal_login"],
  groupsList: ["internal_group_mgt_view", "internal_group_mgt_list"],
  groupsView: ["internal_group_mgt_view"],
  groupsCreate: ["internal_group_mgt_create"],
  groupsUpdate: ["internal_group_mgt_update"],
  groupsDelete: ["internal_group_mgt_delete"],
  // IS 7: the old all-in-one bulk scope, or the fine-grained per-operation ones (lib/scim/bulk.ts).
  bulk: [
    "internal_bulk_resource_create",
    "internal_bulk_user_create",
    "internal_bulk_user_update",
    "internal_bulk_user_delete",
    "internal_bulk_group_create",
    "internal_bulk_group_update",
    "internal_bulk_group_delete",
  ],
} as const;

/** Where this request's resources live, at the address the client used: /scim2, or /t/{tenant}/scim2 when it named a tenant. */
export function scimBase(request: Request): string {
  const tenant = request.headers.get(PATH_TENANT_HEADER);
  return `${publicOrigin(request.headers, request.url)}${tenant ? `/t/${encodeURIComponent(tenant)}` : ""}/scim2`;
}

/** 201 with a created resource, its Location and ETag (RFC 7644 3.3). */
export function createdReply({ resource, version: v }: ScimOne): Response {
  return scimJson(resource, { status: 201, headers: { etag: version(v), location: (resource.meta as { location: string }).location } });
}

/** A single resource with its ETag; If-None-Match naming the current version answers 304. */
export function resourceReply({ resource, version: v }: ScimOne, request: Request): Response {
  const etag = version(v);
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim() === etag))) {
    return new Response(null, { status: 304, headers: { etag } });
  }
  return scimJson(resource, { headers: { etag } });
}
