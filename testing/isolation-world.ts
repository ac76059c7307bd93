/**
 * Two provisioned tenants for the REST isolation matrix (app/tenant-isolation-*.test.ts): both hold
 * a user `alice` and a role `editors`; tenant B also holds objects only it has (user `bonly`, role
 * `only-b`, store `BONLY`, an OAuth2 client and token, `only-b` mapped to a scope). Tenant A's admin
 * signs in every way the routes take: console cookie, /management token, OAuth2 client.
 */
import { POST as addStore } from "../app/management/user-stores/route.ts";
import { PUT as putScopes } from "../app/api/am/admin/v4/system-scopes/route.ts";
import type { Db } from "../lib/db/client.ts";
import { provision } from "../lib/provisioning/provision.ts";
import { createRoleCommand } from "../lib/roles/commands.ts";
import { forgetStoreKey } from "../lib/stores/secrets.ts";
import { createUserCommand } from "../lib/users/commands.ts";
import type { Actor } from "../lib/authz/principal.ts";
import { testConfig } from "./config.ts";
import { createTestDatabase, type DbKind, type TestDatabase } from "./databases.ts";
import { basic, mgmtLogin, mgmtRequest } from "./management-client.ts";
import { clientAuth, dcr, tokenCall, type Registered } from "./oauth2-client.ts";
import { callRoute, sessionCookie, useTestApp } from "./route-harness.ts";
import { provisionTenant, runCommand, superAdminActor, TENANT_PASSWORD } from "./tenants.ts";

export const ORIGIN = "http://localhost:3000";
/** A row id no table holds. */
export const MISSING = 987_654;

export type TenantSide = {
  tenantId: number;
  domain: string;
  admin: Actor;
  cookie: string;
  token: string;
  client: Registered;
  accessToken: string;
  refreshToken: string;
  alice: { id: number; version: number };
  editors: { id: number; version: number };
};
export type IsolationWorld = {
  t: TestDatabase;
  a: TenantSide;
  b: TenantSide & { bonly: { id: number; version: number }; onlyB: { id: number; version: number } };
};

const LDAP = {
  urls: ["ldap://127.0.0.1:1"],
  bindDn: "cn=admin,dc=example,dc=com",
  bindPassword: "x",
  userSearchBase: "ou=people,dc=example,dc=com",
};

async function side(t: TestDatabase, superAdmin: Actor, domain: string): Promise<TenantSide> {
  const { tenantId, admin } = await provisionTenant(t.db, superAdmin, domain);
  const editors = await runCommand(createRoleCommand, t.db, admin, { domain: "PRIMARY", name: "editors", permissions: [], userIds: [] });
  const alice = (await runCommand(createUserCommand, t.db, admin, {
    domain: "PRIMARY",
    username: "alice",
    password: TENANT_PASSWORD,
    roleIds: [editors.id],
  })) as { id: number };
  const login = `admin@${domain}`;
  const registered = await dcr(basic(login, TENANT_PASSWORD), {
    clientName: `app_${domain}`,
    owner: login,
    grantType: "password refresh_token",
  });
  const client = (await registered.json()) as Registered;
  const tokens = await tokenCall(
    { grant_type: "password", username: login, password: TENANT_PASSWORD, scope: "openid" },
    clientAuth(client),
  );
  const { access_token, refresh_token } = (await tokens.json()) as { access_token: string; refresh_token: string };
  return {
    tenantId,
    domain,
    admin,
    cookie: await sessionCookie(t.db, login, TENANT_PASSWORD),
    token: await mgmtLogin(login, TENANT_PASSWORD),
    client,
    accessToken: access_token,
    refreshToken: refresh_token,
    alice: await version(t.db, "user", alice.id),
    editors: await version(t.db, "role", editors.id),
  };
}

async function version(db: Db, table: "user" | "role", id: number) {
  const row = table === "user" ? await db.user.findUniqueOrThrow({ where: { id } }) : await db.role.findUniqueOrThrow({ where: { id } });
  return { id, version: row.version };
}

export async function isolationWorld(kind: DbKind): Promise<IsolationWorld> {
  process.env.GATEHOUSE_STORE_KEY ??= "a-test-store-key-of-at-least-32-characters";
  forgetStoreKey();
  const t = await createTestDatabase(kind);
  useTestApp(t.db);
  await provision(t.db, testConfig());
  const superAdmin = await superAdminActor(t.db);
  const a = await side(t, superAdmin, "a.example");
  const b = await side(t, superAdmin, "b.example");
  const onlyB = await runCommand(createRoleCommand, t.db, b.admin, { domain: "PRIMARY", name: "only-b", permissions: [], userIds: [] });
  const bonly = (await runCommand(createUserCommand, t.db, b.admin, {
    domain: "PRIMARY",
    username: "bonly",
    password: TENANT_PASSWORD,
    roleIds: [onlyB.id],
  })) as { id: number };
  const added = await callRoute(
    addStore,
    mgmtRequest("POST", "/user-stores", { token: b.token, body: { domain: "bonly", type: "ldap", settings: LDAP } }),
    {},
  );
  if (added.status !== 200) throw new Error(`B's store: ${added.status} ${await added.text()}`);
  const mapped = await callRoute(
    putScopes,
    new Request(`${ORIGIN}/api/am/admin/v4/system-scopes`, {
      method: "PUT",
      headers: { cookie: b.cookie, origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ list: [{ name: "apim:api_view", roles: ["admin", "only-b"] }] }),
    }),
    {},
  );
  if (mapped.status !== 200) throw new Error(`B's mapping: ${mapped.status} ${await mapped.text()}`);
  return { t, a, b: { ...b, bonly: await version(t.db, "user", bonly.id), onlyB: await version(t.db, "role", onlyB.id) } };
}

/** Everything of tenant B a write could touch, to compare before and after each attempt. */
export async function tenantSnapshot(db: Db, tenantId: number): Promise<unknown> {
  const [tenant, users, roles, memberships, stores, sessions, clients, tokens, scopes, aliases] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId } }),
    // Not the attempt stamps: B's user's own credentials, sent through A's OAuth2 client, are a sign-in
    // attempt like any other door's (refused, as the matrix checks), and stamp lastAttemptAt.
    db.user.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      omit: { lastAttemptAt: true, failureWindowStart: true, updatedAt: true },
    }),
    db.role.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { user: { tenantId } }, orderBy: [{ userId: "asc" }, { roleId: "asc" }] }),
    db.userStore.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    db.session.findMany({ where: { tenantId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    db.oAuthClient.findMany({ where: { tenantId }, orderBy: { id: "asc" } }),
    db.oAuthToken.findMany({
      where: { session: { tenantId } },
      orderBy: { sessionId: "asc" },
      select: { sessionId: true, refreshUsedAt: true },
    }),
    db.scopeRole.findMany({ where: { role: { tenantId } }, orderBy: [{ scopeId: "asc" }, { roleId: "asc" }] }),
    db.roleAlias.findMany({ where: { role: { tenantId } }, orderBy: [{ roleId: "asc" }, { aliasRoleId: "asc" }] }),
  ]);
  return JSON.parse(JSON.stringify({ tenant, users, roles, memberships, stores, sessions, clients, tokens, scopes, aliases })) as unknown;
}

type Init = { cookie?: string; authorization?: string; body?: unknown; form?: Record<string, string>; headers?: Record<string, string> };

/** A request as the route's clients send it: same-origin JSON with a cookie, a bearer or Basic header, or a form. */
export function request(method: string, path: string, init: Init = {}): Request {
  const headers: Record<string, string> = {
    ...(init.cookie ? { cookie: init.cookie, origin: ORIGIN } : {}),
    ...(init.authorization ? { authorization: init.authorization } : {}),
    ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    ...init.headers,
  };
  const body = init.form ? new URLSearchParams(init.form).toString() : init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
}

/** What the caller is told: status, content type and body; names, random values (secrets, keys) and numbers (ids, times) blanked. */
export async function told(response: Response, names: readonly string[] = []): Promise<string> {
  let body = await response.text();
  for (const name of names) body = body.replace(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), "<name>");
  const type = response.headers.get("content-type") ?? "";
  return `${response.status} ${type} ${body.replace(/[\w-]{20,}/g, "<random>").replace(/\d+/g, "#")}`;
}
