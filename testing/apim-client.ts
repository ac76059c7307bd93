import type { Db } from "../lib/db/client.ts";
import { provision } from "../lib/provisioning/provision.ts";
import { testConfig } from "./config.ts";
import { createTestDatabase, type DbKind, type TestDatabase } from "./databases.ts";
import { OpenApiDocument } from "./openapi.ts";
import { callRoute, sessionCookie, useTestApp } from "./route-harness.ts";
import { seedUser } from "./seed.ts";

export const ORIGIN = "http://localhost:3000";
export const API = `${ORIGIN}/api/am/admin/v4`;
export const openapi = new OpenApiDocument("public/openapi/apim-admin-v4.json");
export const b64 = (s: string) => Buffer.from(s).toString("base64url");

type Init = { cookie?: string; body?: unknown; raw?: string; headers?: Record<string, string> };

/** A Request as a same-origin script would send it. */
export function apimRequest(method: string, path: string, init: Init = {}): Request {
  const headers: Record<string, string> = {
    ...(init.cookie ? { cookie: init.cookie } : {}),
    ...(init.body !== undefined || init.raw !== undefined ? { "content-type": "application/json", origin: ORIGIN } : {}),
    ...init.headers,
  };
  return new Request(`${API}${path}`, {
    method,
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

export type ApimWorld = { t: TestDatabase; tenantId: number; manager: string; plain: string; managerName: string };

/** A provisioned database the route handlers use, a signed-in API-M admin and a signed-in user without that permission. */
export async function apimWorld(kind: DbKind): Promise<ApimWorld> {
  const t = await createTestDatabase(kind);
  const { tenantId } = await provision(t.db, testConfig());
  useTestApp(t.db);
  const manager = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/apim_admin"] });
  const plain = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/identity"] });
  return {
    t,
    tenantId,
    manager: await sessionCookie(t.db, manager.username, manager.password),
    plain: await sessionCookie(t.db, plain.username, plain.password),
    managerName: manager.username,
  };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a handler and checks its answer against the OpenAPI document. */
export async function call<P>(handler: Handler<P>, template: string, request: Request, params: P): Promise<Response> {
  const response = await callRoute(handler, request, params);
  await openapi.assertResponse(template, request.method, response);
  return response;
}

export async function rolesByScope(db: Db): Promise<Map<string, string[]>> {
  const scopes = await db.apiScope.findMany({ include: { roles: { include: { role: { include: { store: true } } } } } });
  return new Map(
    scopes.map((s) => [
      s.name,
      s.roles.map((r) => (r.role.store.domain === "PRIMARY" ? r.role.name : `${r.role.store.domain}/${r.role.name}`)).sort(),
    ]),
  );
}
