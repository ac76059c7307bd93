import { provision } from "../lib/provisioning/provision.ts";
import { POST as login } from "../app/management/login/route.ts";
import { testConfig } from "./config.ts";
import { createTestDatabase, type DbKind, type TestDatabase } from "./databases.ts";
import { OpenApiDocument } from "./openapi.ts";
import { callRoute, useTestApp } from "./route-harness.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { seedUser, TEST_PASSWORD } from "./seed.ts";
import type { PermissionPath } from "../lib/permissions/tree.ts";
import { ZToken } from "../lib/contracts/management.ts";

export const ORIGIN = "http://localhost:3000";
export const MGMT = `${ORIGIN}/management`;
export const mgmtOpenapi = new OpenApiDocument("public/openapi/management.json");

type Init = { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> };

/** A Request as a script holding a management token would send it (no cookie, no Origin). */
export function mgmtRequest(method: string, path: string, init: Init = {}): Request {
  const headers: Record<string, string> = {
    ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    ...(init.body !== undefined || init.raw !== undefined ? { "content-type": "application/json" } : {}),
    ...init.headers,
  };
  return new Request(`${MGMT}${path}`, {
    method,
    headers,
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

export const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

/** Logs in through POST /management/login and returns the AccessToken. */
export async function mgmtLogin(username: string, password: string): Promise<string> {
  const response = await login(mgmtRequest("POST", "/login", { headers: { authorization: basic(username, password) } }));
  if (response.status !== 200) throw new Error(`login failed for ${username}: ${response.status}`);
  return ZToken.parse(await response.json()).AccessToken;
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a handler and checks its answer against public/openapi/management.json. */
export async function mgmtCall<P>(handler: Handler<P>, template: string, request: Request, params: P): Promise<Response> {
  const response = await callRoute(handler, request, params);
  await mgmtOpenapi.assertResponse(template, request.method, response);
  return response;
}

const MANAGER_GRANTS: PermissionPath[] = [
  "/permission/admin/login",
  "/permission/admin/manage/identity/usermgt",
  "/permission/admin/manage/identity/rolemgt",
  "/permission/admin/manage/identity/identitymgt",
];

export type MgmtWorld = {
  t: TestDatabase;
  tenantId: number;
  admin: { id: number; username: string; token: string };
  manager: { id: number; username: string; roleId: number; token: string };
  plain: { id: number; username: string; token: string };
};

/** A provisioned database, a signed-in admin-role holder, a user manager without the admin role, and a user with Login only. */
export async function mgmtWorld(kind: DbKind): Promise<MgmtWorld> {
  const t = await createTestDatabase(kind);
  const { tenantId } = await provision(t.db, testConfig());
  useTestApp(t.db);
  const admin = await seedUser(t.db, { admin: true });
  const manager = await seedUser(t.db, { grants: MANAGER_GRANTS });
  const plain = await seedUser(t.db, { grants: ["/permission/admin/login"] });
  return {
    t,
    tenantId,
    admin: { ...admin, token: await mgmtLogin(admin.username, admin.password) },
    manager: { ...manager, token: await mgmtLogin(manager.username, manager.password) },
    plain: { ...plain, token: await mgmtLogin(plain.username, plain.password) },
  };
}

/**
 * The provisioned super admin (`[super_admin] username`), given TEST_PASSWORD in place of the
 * default one, logged in: the only account that may delete an admin or reset another admin's password.
 */
export async function superAdminLogin(t: TestDatabase): Promise<{ id: number; username: string; token: string }> {
  const { username } = testConfig().super_admin;
  const user = await t.db.user.findFirstOrThrow({ where: { username, store: { domain: "PRIMARY" } }, select: { id: true } });
  await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false } });
  return { id: user.id, username, token: await mgmtLogin(username, TEST_PASSWORD) };
}
