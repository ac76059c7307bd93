/** The operations of public/openapi/apim-admin-v4.json (`npm run openapi` writes it). */
import * as A from "../apim-admin.ts";
import type { ApiDocument, ApiResponse, Operation } from "./build.ts";

type Scope = "apim:admin" | "apim:scope_manage" | "apim:role_manage";
const err = (description: string): ApiResponse => ({ description, schema: A.ZApimError });
const etag = {
  ETag: { description: "The tenant's scope-mapping version; send it back in If-Match to refuse lost updates.", schema: { type: "string" } },
};
const ifMatch = (extra = "") => [
  {
    name: "If-Match",
    in: "header",
    required: false,
    description: `Optional. An ETag from a GET: the PUT fails with 412 if the mappings changed since.${extra}`,
    schema: { type: "string" },
  },
];
const LAST_PUT_WINS = " Without it the last PUT wins, as a whole body.";

/** Every credential the API takes; an OAuth2 token needs one of the operation's scopes. */
function guarded(scopes: Scope[], op: Omit<Operation, "security">): Operation {
  const refused =
    "Signed in without the API-M Admin permission, a cross-site request with a cookie, or the default " +
    "password still set; or an OAuth2 token without any of this operation's scopes";
  return {
    ...op,
    security: [{ consoleSession: [] }, { managementToken: [] }, ...scopes.map((s) => ({ oauth2: [s] }))],
    responses: {
      401: err("No valid credentials: no console session cookie, or a bearer token that is unknown, revoked or expired."),
      403: err(`${refused} (${scopes.join(", ")}).`),
      ...op.responses,
    },
  };
}
const SCOPES = ["apim:admin", "apim:scope_manage"] satisfies Scope[];
const ROLES = ["apim:admin", "apim:role_manage"] satisfies Scope[];
const scopeNames = {
  "apim:admin": "Manage all admin operations",
  "apim:scope_manage": "Manage scope",
  "apim:role_manage": "Manage role aliases and check role existence",
};

export const apimAdminApi: ApiDocument = {
  info: {
    title: "Gatehouse: APIM admin v4 (system scopes and role aliases)",
    version: "4.0.0",
    description:
      "Shape-compatible with WSO2 API Manager's admin REST API v4 for system scopes, role aliases and role " +
      "existence. Authorized by a console session, a /management bearer token or an OAuth2 access token " +
      "(public/openapi/oauth2.json), whose user holds API-M Admin; an OAuth2 token must also hold one of " +
      "the operation's scopes. Differences from WSO2 are listed in the README's table 'Where Gatehouse " +
      "differs from WSO2, and why'; docs/apim-api.md describes each call.",
  },
  servers: [{ url: "/api/am/admin/v4" }],
  security: [{ consoleSession: [] }],
  securitySchemes: {
    consoleSession: {
      type: "apiKey",
      in: "cookie",
      name: "next-auth.session-token",
      description: "The console's session cookie, from signing in at /login.",
    },
    managementToken: {
      type: "http",
      scheme: "bearer",
      description: "The AccessToken from POST /management/login (public/openapi/management.json).",
    },
    oauth2: {
      type: "oauth2",
      description:
        "An access token from /oauth2/token (public/openapi/oauth2.json). Its scopes are what the Role " +
        "Permissions page grants the user. The operation admits a token holding any one of the scopes it " +
        "lists, and the user must also pass the permission-tree check.",
      flows: {
        password: { tokenUrl: "/oauth2/token", refreshUrl: "/oauth2/token", scopes: scopeNames },
        clientCredentials: { tokenUrl: "/oauth2/token", scopes: scopeNames },
      },
    },
  },
  schemas: {
    Scope: A.ZScope,
    ScopeList: A.ZScopeList,
    ScopeUpdate: A.ZScopeUpdate,
    ScopeListUpdate: A.ZScopeListBody,
    ScopeSettings: A.ZScopeSettings,
    RoleAlias: A.ZRoleAlias,
    RoleAliasList: A.ZRoleAliasList,
    RoleAliasListUpdate: A.ZRoleAliasListBody,
    Error: A.ZApimError,
    TenantConfig: A.ZTenantConfig,
  },
  paths: {
    "/system-scopes": {
      get: guarded(SCOPES, {
        operationId: "getRolesForScope",
        summary: "Every system scope with its roles",
        responses: { 200: { description: "The scopes.", schema: A.ZScopeList, headers: etag } },
      }),
      put: guarded(SCOPES, {
        operationId: "updateRolesForScope",
        summary: "Replace the roles of every listed scope, in one transaction",
        description:
          "Scopes not listed keep their roles. Unknown scopes or roles, a scope listed twice, and taking the " +
          "admin role off a scope are refused with 400 and nothing changes. description and tag are read-only.",
        headers: ifMatch(LAST_PUT_WINS),
        body: A.ZScopeListBody,
        responses: {
          200: { description: "The scopes after the update.", schema: A.ZScopeList, headers: etag },
          400: err("Malformed body, unknown scope or role, or the admin role removed."),
          409: err("A concurrent first write of the mapping; retry."),
          412: err("If-Match no longer matches."),
          413: err("Body larger than 1 MiB."),
        },
      }),
    },
    "/system-scopes/{scopeName}": {
      get: guarded(SCOPES, {
        operationId: "systemScopesScopeNameGet",
        summary: "Whether a user holds a scope",
        path: { scopeName: "The scope name, base64url-encoded (the standard alphabet is accepted too)." },
        query: A.ZScopeHolderQuery,
        responses: {
          200: { description: "The user holds the scope, through a role, Internal/everyone or an alias.", schema: A.ZScopeSettings },
          400: err("Malformed query."),
          404: err("Unknown scope, unknown user, or the user does not hold it."),
        },
      }),
    },
    "/system-scopes/role-aliases": {
      get: guarded(ROLES, {
        operationId: "getRoleAliases",
        summary: "Every role alias, grouped by the role that appears in scopes",
        responses: { 200: { description: "The aliases.", schema: A.ZRoleAliasList, headers: etag } },
      }),
      put: guarded(ROLES, {
        operationId: "putRoleAliases",
        summary: "Replace all role aliases, in one transaction",
        description: "A role listed among its own aliases is ignored. Unknown roles are refused with 400 and nothing changes.",
        headers: ifMatch(LAST_PUT_WINS),
        body: A.ZRoleAliasListBody,
        responses: {
          200: { description: "The aliases after the update.", schema: A.ZRoleAliasList, headers: etag },
          400: err("Malformed body or unknown role."),
          409: err("A concurrent first write of the mapping; retry."),
          412: err("If-Match no longer matches."),
          413: err("Body larger than 1 MiB."),
        },
      }),
    },
    "/roles/{roleId}": {
      head: {
        ...guarded(ROLES, {
          operationId: "validateRole",
          summary: "Whether a role exists",
          path: {
            roleId: 'The role name, base64url-encoded: "admin", "PRIMARY/dev", "Internal/creator" (domain and name ignore case).',
          },
          responses: {},
        }),
        // HEAD answers carry no body.
        responses: {
          200: { description: "The role exists." },
          401: { description: "No valid credentials (also: a revoked, expired or unknown bearer token)." },
          403: {
            description:
              "Without the API-M Admin permission; or an OAuth2 token without any of this operation's scopes " +
              "(apim:admin, apim:role_manage).",
          },
          404: { description: "No such role." },
        },
      },
    },
    "/tenant-config": {
      get: guarded(["apim:admin"], {
        operationId: "exportTenantConfig",
        summary: "The tenant's tenant-conf.json",
        description:
          "The stored document with the current scope mapping; it passes WSO2's tenant-config-schema.json and uploads into APIM 4.x.",
        responses: { 200: { description: "The tenant-conf.json.", schema: A.ZTenantConfig, headers: etag } },
      }),
      put: guarded(["apim:admin"], {
        operationId: "updateTenantConfig",
        summary: "Replace the tenant-conf.json, scope mapping and all, in one transaction",
        description:
          "The body is checked against WSO2's tenant-config-schema.json. Every listed scope gets exactly the " +
          "body's roles and every RoleMappings key exactly its aliases; unlisted scopes and aliases stay. " +
          "Unknown roles and scopes, and taking the admin role off a scope, are refused with 400 naming each by " +
          "JSON path, and nothing changes, unless the query parameters say otherwise. The other keys are stored " +
          "and returned by GET.",
        headers: ifMatch(),
        query: A.ZTenantConfigQuery,
        body: A.ZTenantConfig,
        responses: {
          200: { description: "The tenant-conf.json after the update.", schema: A.ZTenantConfig, headers: etag },
          400: err(
            "Not a tenant-config-schema.json document, a malformed scope entry, an unknown role or scope, or the " +
              "admin role removed; the description names each by JSON path.",
          ),
          412: err("If-Match names a version older than the current one."),
          413: err("A body over 2,000,000 bytes."),
        },
      }),
    },
  },
};
