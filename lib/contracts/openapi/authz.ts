/** The operations of public/openapi/authz.json (`npm run openapi` writes it). */
import * as A from "../authz.ts";
import type { ApiDocument, ApiResponse } from "./build.ts";

const err = (description: string): ApiResponse => ({ description, schema: A.ZApiError });
const refusals = {
  400: err("Malformed JSON, unknown or missing fields, or a batch larger than the maximum."),
  401: err("No valid session (or, once enabled, bearer token)."),
  403: err("Signed in without a user-view permission node, the default password not yet changed, or a cross-site request."),
  413: err("The body exceeds the size limit."),
};

export const authzApi: ApiDocument = {
  info: {
    title: "Gatehouse: authorization decision API",
    version: "1.0.0",
    description:
      "Lets other applications ask whether a user holds a permission node (a grant on a node covers its " +
      "descendants) or an API scope (roles mapped to the scope, Internal/everyone, and one level of role " +
      "aliases). Answers come from a per-instance cache that sees a change made on any instance within two " +
      "seconds plus one re-read, about one second under steady traffic (docs/authz-api.md). Authorized by a " +
      "console session, or a bearer token from POST /management/login, whose user holds User Management " +
      "View or List (feature authz.check).",
  },
  servers: [{ url: "/api/v1/authz" }],
  security: [{ consoleSession: [] }],
  securitySchemes: { consoleSession: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } },
  schemas: {
    Check: A.ZAccessCheck,
    CheckBatch: A.ZAccessBatch,
    Decision: A.ZDecision,
    DecisionBatch: A.ZDecisionBatch,
    Error: A.ZApiError,
  },
  paths: {
    "/check": {
      post: {
        operationId: "checkAccess",
        summary: "May this user do that?",
        body: A.ZAccessCheck,
        responses: { 200: { description: "The decision.", schema: A.ZDecision }, ...refusals },
      },
    },
    "/check/batch": {
      post: {
        operationId: "checkAccessBatch",
        summary: "Many checks in one call, answered in the order asked.",
        body: A.ZAccessBatch,
        responses: { 200: { description: "One decision per check.", schema: A.ZDecisionBatch }, ...refusals },
      },
    },
  },
};
