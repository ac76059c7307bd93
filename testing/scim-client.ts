// SCIM 2.0 requests to the route handlers, called as Next.js would, for the tests of SCIM over
// a store (testing/scim-ldap.ts, app/scim2/scim2-jdbc.test.ts).
import type { Db } from "../lib/db/client.ts";
import { callRoute, useTestApp } from "./route-harness.ts";
import * as bulk from "../app/scim2/Bulk/route.ts";
import * as groups from "../app/scim2/Groups/route.ts";
import * as group from "../app/scim2/Groups/[id]/route.ts";
import * as users from "../app/scim2/Users/route.ts";
import * as user from "../app/scim2/Users/[id]/route.ts";

export const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
const ORIGIN = "http://localhost:3000";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** `/Users`, `/Users/7?filter=…`, `/Groups/3`, `/Bulk`: answers status, JSON body and ETag. */
export type ScimCall = (
  method: Method,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; body: Json; etag: string | null }>;

const routes: Record<string, Partial<Record<Method, Handler>>> = {
  "/Users": users as never,
  "/Users/:id": user as never,
  "/Groups": groups as never,
  "/Groups/:id": group as never,
  "/Bulk": bulk as never,
};

/** Requests as `authorization` against the app whose database is `db`. */
export function scimCaller(db: Db, authorization: string): ScimCall {
  return async (method, path, body, headers = {}) => {
    const url = new URL(`${ORIGIN}/scim2${path}`);
    const [, resource, id] = url.pathname.split("/").filter(Boolean);
    const handler = routes[id ? `/${resource}/:id` : `/${resource}`]?.[method];
    if (!handler) throw new Error(`no ${method} route for ${path}`);
    const request = new Request(url, {
      method,
      headers: { authorization, "content-type": "application/scim+json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    useTestApp(db);
    const answer = await callRoute(handler, request, { id: id ?? "" });
    const text = await answer.text();
    return { status: answer.status, body: text ? (JSON.parse(text) as Json) : {}, etag: answer.headers.get("etag") };
  };
}
