/** The operations of public/openapi/management.json (`npm run openapi` writes it). */
import * as M from "../management.ts";
import * as S from "../user-stores.ts";
import type { ApiDocument, ApiResponse, Operation } from "./build.ts";

const err = (description: string, headers?: ApiResponse["headers"]): ApiResponse => ({ description, schema: M.ZMiError, headers });
const challenge = (scheme: "Basic" | "Bearer") => ({
  "WWW-Authenticate": {
    description: `${scheme} realm="Gatehouse management API"`,
    required: true,
    schema: { type: "string", pattern: `^${scheme} realm=` },
  },
});
const ok = (schema: ApiResponse["schema"]): ApiResponse => ({ description: "OK", schema });

const unauthorized = err("No token, or a revoked, expired or forged one", challenge("Bearer"));
const reads = {
  400: err("Malformed input: bad JSON, invalid values or wrong types of known fields (unknown fields are ignored), bad query parameters"),
  401: unauthorized,
  403: err("The token's user lacks the permission, or a rule refuses the change"),
  404: err("No such user, role or user store"),
};
const deletes = { ...reads, 409: err("The name is taken, or the row changed meanwhile") };
const writes = { ...deletes, 413: err("The body is larger than 64 KiB") };

const login = (summary: string): Operation => ({
  summary,
  security: [{ basic: [] }],
  description:
    "Any active user of a store may log in, as in the MI; each call is then decided by the permission " +
    "tree. With `[super_admin] create_admin_account = false` and no admin-role holder yet, the first " +
    "login as `[super_admin] username` creates that admin with the password given (seed 000), once.",
  responses: {
    200: ok(M.ZToken),
    400: err(
      "The Basic credentials decode to malformed text, or (first login with create_admin_account = false) " +
        "the first admin's password breaks the password policy",
    ),
    401: err("Wrong, missing or unknown credentials, or a locked account (one message for all)", challenge("Basic")),
    429: err("Too many failed password checks from this client address, or from all addresses together ([rate_limit] in gatehouse.toml)", {
      "Retry-After": { description: "Seconds until the next attempt may be made", schema: { type: "integer", minimum: 1 } },
    }),
  },
});
const logout = (summary: string): Operation => ({ summary, responses: { 200: ok(M.ZLoggedOut), 401: unauthorized } });
const userPath = { userId: "User name, optionally DOMAIN/name" };
const rolePath = { role: "Role name, optionally DOMAIN/name" };

// Gatehouse's extension: secondary user stores (User Store Management), shaped after WSO2 IS's userstore API.
const storePath = { domain: "The store's domain name" };
const unavailable = err("The directory did not answer, or not in time (STORE_UNAVAILABLE)");
const storePaths: ApiDocument["paths"] = {
  "/user-stores": {
    get: { summary: "List secondary user stores (secrets as {set} markers)", responses: { 200: ok(S.ZStoreList), ...reads } },
    post: { summary: "Add a secondary user store", body: S.ZNewStore, responses: { 200: ok(S.ZStoreStatus), ...writes } },
  },
  "/user-stores/test-connection": {
    post: {
      summary: "Test unsaved settings, step by step",
      body: S.ZConnectionTest,
      responses: { 200: ok(S.ZConnectionResult), ...writes },
    },
  },
  "/user-stores/{domain}": {
    get: { summary: "A secondary user store", path: storePath, responses: { 200: ok(S.ZStore), ...reads } },
    put: {
      summary: "Edit a store's description, read-only flag and settings (a blank secret keeps the stored one)",
      path: storePath,
      body: S.ZStoreEdit,
      responses: { 200: ok(S.ZStoreStatus), ...writes },
    },
    patch: {
      summary: "Enable or disable a store",
      path: storePath,
      body: S.ZStoreEnabled,
      responses: { 200: ok(S.ZStoreStatus), ...writes },
    },
    delete: {
      summary:
        "Delete a store from Gatehouse: its mirrored users and groups, their sessions and Internal role " +
        "memberships (the directory is untouched)",
      path: storePath,
      query: S.ZStoreDeleteQuery,
      responses: { 200: ok(S.ZStoreDeleted), ...deletes },
    },
  },
  "/user-stores/{domain}/test": {
    post: {
      summary: "Test a saved store's connection, step by step",
      path: storePath,
      responses: { 200: ok(S.ZConnectionResult), ...reads },
    },
  },
  "/user-stores/{domain}/sync": {
    post: {
      summary: "Refresh the store's mirror now",
      path: storePath,
      responses: { 200: ok(S.ZStoreSynced), ...deletes, 503: unavailable },
    },
  },
};

export const managementApi: ApiDocument = {
  info: {
    title: "Gatehouse management API (/management)",
    version: "1.0.0",
    description:
      'Users and roles, compatible with the WSO2 Micro Integrator management API and apictl\'s `mi` commands. Log in with HTTP Basic (GET or POST /login) to get an AccessToken; send it as `Authorization: Bearer`. Errors are {"Error": "..."}, also for any /management path that does not exist (404); a 401 carries WWW-Authenticate (Basic on /login, Bearer elsewhere). Unknown query parameters and body fields are ignored, as the MI ignores them. Lists without `limit` or `cursor` return every match, as the MI does, with `count` the total (taken just before the list is streamed). With `limit` or `cursor` they are keyset pages: `truncated` is true and `next` holds the cursor (also a Link rel="next" header) whenever more rows exist.',
  },
  servers: [{ url: "/management" }],
  security: [{ bearer: [] }],
  securitySchemes: {
    basic: { type: "http", scheme: "basic" },
    bearer: { type: "http", scheme: "bearer", description: "AccessToken from POST /login" },
  },
  schemas: {
    Error: M.ZMiError,
    Token: M.ZToken,
    LoggedOut: M.ZLoggedOut,
    UserList: M.ZUserList,
    RoleList: M.ZRoleList,
    Role: M.ZRole,
    User: M.ZUser,
    NewUser: M.ZNewUser,
    PasswordChange: M.ZPasswordChange,
    NewRole: M.ZNewRole,
    RoleAssignment: M.ZRoleAssignment,
    Status: M.ZStatus,
    PasswordPolicy: M.ZPasswordPolicy,
    RoleStatus: M.ZRoleStatus,
    AssignmentResult: M.ZAssignmentResult,
    AssignmentAnswer: M.ZAssignmentAnswer,
    Store: S.ZStore,
    StoreList: S.ZStoreList,
    NewStore: S.ZNewStore,
    StoreEdit: S.ZStoreEdit,
    StoreEnabled: S.ZStoreEnabled,
    StoreStatus: S.ZStoreStatus,
    StoreDeleted: S.ZStoreDeleted,
    StoreSynced: S.ZStoreSynced,
    ConnectionTest: S.ZConnectionTest,
    ConnectionResult: S.ZConnectionResult,
    ExportedUser: M.ZExportedUser,
    UsersCsv: M.ZUsersCsv,
  },
  paths: {
    "/login": { post: login("Get an access token"), get: login("Get an access token (the MI CLI uses GET)") },
    "/logout": { post: logout("Revoke the token"), get: logout("Revoke the token (apictl's `mi logout` uses GET)") },
    "/password-policy": {
      get: {
        summary: "Gatehouse only: the password policy new passwords must meet (any signed-in user)",
        responses: { 200: ok(M.ZPasswordPolicy), ...reads },
      },
    },
    "/users": {
      get: { summary: "List users", query: M.ZUserListQuery, responses: { 200: ok(M.ZUserList), ...reads } },
      post: { summary: "Add a user", body: M.ZNewUser, responses: { 200: ok(M.ZStatus), ...writes } },
    },
    "/export/users": {
      get: {
        summary: "Gatehouse only: export users (the Users page's filters) with roles and claims, as CSV or JSON lines",
        description:
          "Streamed in keyset batches, so any number of users costs the server one batch of memory; needs users.list " +
          "(as GET /users) and is audited as user.exported. Not under /users, so no user name is shadowed. docs/import-export.md",
        query: M.ZUserExportQuery,
        responses: {
          200: {
            description: "The file (Content-Disposition: attachment; filename=users-<tenant>-<date>.csv or .jsonl)",
            media: { "text/csv": M.ZUsersCsv, "application/x-ndjson": M.ZExportedUser },
          },
          ...reads,
        },
      },
    },
    "/users/{userId}": {
      get: { summary: "A user and their roles", path: userPath, query: M.ZUserQuery, responses: { 200: ok(M.ZUser), ...reads } },
      patch: {
        summary: "Change a password: your own (oldPassword required), or reset another user's (needs users.password)",
        path: userPath,
        query: M.ZUserQuery,
        body: M.ZPasswordChange,
        responses: { 200: ok(M.ZStatus), ...writes },
      },
      delete: { summary: "Delete a user", path: userPath, query: M.ZUserQuery, responses: { 200: ok(M.ZStatus), ...deletes } },
    },
    "/roles": {
      get: { summary: "List roles", query: M.ZRoleListQuery, responses: { 200: ok(M.ZRoleList), ...reads } },
      post: {
        summary: "Add a role (no permissions, no members); in a read-write LDAP or JDBC store's domain, its directory's group",
        body: M.ZNewRole,
        responses: { 200: ok(M.ZRoleStatus), ...writes, 503: unavailable },
      },
      put: {
        summary: "Add and remove roles of a user",
        query: M.ZAssignQuery,
        body: M.ZRoleAssignment,
        responses: { 200: ok(M.ZAssignmentAnswer), ...writes },
      },
    },
    "/roles/{role}": {
      get: { summary: "A role and its users (paged)", path: rolePath, query: M.ZRoleQuery, responses: { 200: ok(M.ZRole), ...reads } },
      delete: {
        summary: "Delete a role (an external store's group from its directory)",
        path: rolePath,
        query: M.ZUserQuery,
        responses: { 200: ok(M.ZRoleStatus), ...deletes, 503: unavailable },
      },
    },
    ...storePaths,
  },
};
