import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACTION_BODY_LIMIT_BYTES } from "../../lib/transport/edge-guard.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import { expect, test } from "../cli/support/server.ts";
import { HOSTILE_CURSORS, HOSTILE_JSON, HOSTILE_RAW_BODIES, HOSTILE_STRINGS, mutations, pick, seededRandom } from "./hostile-values.ts";
import { actions, fill, fingerprint, pages, routes } from "./surface.ts";

/**
 * Issue #9 item 4: generated hostile values through every route, page and server action of a
 * production server, on SQLite and on PostgreSQL. No answer may be a 5xx, and a refused
 * request must leave the database as it was; only a request that succeeded may write.
 */
type Failure = { what: string; status: number; body: string };

const STAPLE = "correct horse battery staple";
const SAMPLE_BODIES: Record<string, Record<string, unknown>> = {
  "POST /management/users": { userId: "fuzz_user", password: STAPLE, isAdmin: false, domain: "PRIMARY" },
  "PATCH /management/users/[userId]": { oldPassword: "x", newPassword: `${STAPLE} 2`, confirmPassword: `${STAPLE} 2` },
  "POST /management/roles": { role: "fuzz_role", domain: "PRIMARY" },
  "PUT /management/roles": { userId: "admin", addedRoles: ["Internal/creator"], removedRoles: [] },
  "PUT /api/am/admin/v4/system-scopes": { count: 1, list: [{ name: "apim:admin", roles: ["admin"] }] },
  "PUT /api/am/admin/v4/system-scopes/role-aliases": { count: 1, list: [{ role: "admin", aliases: ["Internal/creator"] }] },
  "POST /api/v1/authz/check": { user: "admin", permission: "/permission/admin" },
  "POST /api/v1/authz/check/batch": { checks: [{ user: "admin", scope: "apim:admin" }] },
  "POST /api/v1/users/bulk-delete": { userIds: [1] },
  "POST /api/v1/users/bulk-assign-role": { roleId: 1, userIds: [1] },
};
const QUERY_KEYS = [
  "q",
  "pattern",
  "searchKey",
  "role",
  "domain",
  "limit",
  "size",
  "cursor",
  "after",
  "before",
  "claim",
  "value",
  "sort",
  "dir",
];
const BAD_SEGMENTS = ["%FF", "%E0%A4%A", "%00", "%ED%A0%80", "1", "99999999999"];
const ACTION_ROOT = '["$undefined","$K1"]';
const BAD_ENVELOPES = ["[null,5]", '["$K9"]', "[", '"\\u0000"', "[1,2,3]", '["$@9"]', '["$Q9"]', '[{"then":"$9"}]', "{}", ""];

test.describe.configure({ timeout: 300_000 });

/** encodeURIComponent, except that a lone surrogate (which it cannot encode) becomes its CESU-8 bytes. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ""))}`;
  }
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

test("hostile input never gets a 5xx and never writes when refused", async ({ server }) => {
  const random = seededRandom(9);
  const hostileQuery = (keys: number) =>
    new URLSearchParams(pick(random, QUERY_KEYS, keys).map((k) => [k, pick(random, [...HOSTILE_STRINGS, ...HOSTILE_CURSORS], 1)[0]!]));
  const failures: Failure[] = [];
  const admin = await seedUser(server.db, { admin: true });
  const victim = await seedUser(server.db, { grants: ["/permission/admin/login"] });

  const consoleSession = async () => {
    const context = await playwrightRequest.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: admin.username, password: TEST_PASSWORD, json: "true" },
    });
    expect((await context.get("/api/v1/me")).status()).toBe(200);
    return context;
  };
  const signedIn = await consoleSession();
  const extraSessions: APIRequestContext[] = [];
  const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
  const logIn = async () => {
    const login = await anonymous.post("/management/login", { headers: { authorization: basic(admin.username, TEST_PASSWORD) } });
    return { authorization: `Bearer ${((await login.json()) as { AccessToken: string }).AccessToken}` };
  };
  const bearer = await logIn();

  let sent = 0;
  type Succeeded = (response: APIResponse, text: string) => boolean;
  /** Sends one request; a write that did not succeed must leave the fingerprint as it was. */
  async function probe(what: string, send: () => Promise<APIResponse>, isWrite: boolean, succeeded: Succeeded) {
    const before = isWrite ? await fingerprint(server.db) : "";
    const response = await send();
    const text = await response.text().catch(() => "");
    const body = text.slice(0, 200);
    sent += 1;
    if (response.status() >= 500) failures.push({ what, status: response.status(), body });
    if (isWrite && !succeeded(response, text) && (await fingerprint(server.db)) !== before) {
      failures.push({ what: `${what} (wrote while refused)`, status: response.status(), body });
    }
  }
  const restOk: Succeeded = (r) => r.status() < 300;
  const actionOk: Succeeded = (r, text) => r.status() < 300 && text.includes('"ok":true');

  // Routes: hostile path segments, queries and bodies, as the console (cookie) and as a script (token).
  for (const route of routes()) {
    const dynamic = route.template.includes("[");
    for (const method of route.methods) {
      const isWrite = method !== "GET" && method !== "HEAD";
      const key = `${method} ${route.template}`;
      const call = async (i: number, url: string, data?: unknown) => {
        const asConsole = route.template.startsWith("/api/auth") || i % 2 === 0;
        // Signing out ends the session it carries: give it a session of its own, as logout below.
        if (route.template === "/sign-out") {
          const own = await consoleSession();
          extraSessions.push(own);
          return own.fetch(url, { method, maxRedirects: 0 });
        }
        const ctx: APIRequestContext = route.template.startsWith("/api/auth") ? anonymous : asConsole ? signedIn : anonymous;
        // Logging out revokes the token it carries: give it a token of its own, or every route
        // fuzzed after it would only ever meet a dead token.
        const token = route.template === "/management/logout" ? await logIn() : bearer;
        const headers = { ...(asConsole ? {} : token), ...(data !== undefined ? { "content-type": "application/json" } : {}) };
        return ctx.fetch(url, { method, headers, data: data === undefined || typeof data === "string" ? data : JSON.stringify(data) });
      };
      const segments = dynamic ? [...pick(random, HOSTILE_STRINGS, 6).map(encodeSegment), ...BAD_SEGMENTS] : [""];
      for (const [i, segment] of segments.entries()) {
        const url = `${dynamic ? fill(route.template, segment) : route.template}?${hostileQuery(3)}`;
        await probe(`${key} ${url}`, () => call(i, url), isWrite, restOk);
      }
      const path = fill(route.template, "admin");
      if (isWrite) {
        const sample = SAMPLE_BODIES[key];
        const mutated = sample ? pick(random, mutations(sample, HOSTILE_JSON), 16) : [];
        for (const [i, body] of [...HOSTILE_RAW_BODIES, ...pick(random, HOSTILE_JSON, 6), ...mutated].entries()) {
          await probe(`${key} body ${JSON.stringify(body).slice(0, 80)}`, () => call(i, path, body), true, restOk);
        }
      }
      if (route.template === "/management/login") {
        for (const value of pick(random, HOSTILE_STRINGS, 12)) {
          const headers = { authorization: basic(value, value) };
          await probe(
            `${key} basic ${JSON.stringify(value).slice(0, 40)}`,
            () => anonymous.fetch(path, { method, headers }),
            false,
            restOk,
          );
        }
      }
    }
  }

  // The shared token and cookie must have stayed alive, or the routes were tried signed out only.
  expect((await anonymous.get("/management/users?limit=1", { headers: bearer })).status()).toBe(200);
  expect((await signedIn.get("/api/v1/me")).status()).toBe(200);

  // Pages: hostile ids and search parameters, including crafted cursors.
  for (const page of pages()) {
    const ids = page.includes("[") ? ["%FF", "%00", "abc", "-1", "99999999999", "1.5", String(victim.id)] : [""];
    for (const id of ids) {
      const url = `${page.includes("[") ? fill(page, id) : page}?${hostileQuery(4)}`;
      await probe(`GET page ${url}`, () => signedIn.get(url, { maxRedirects: 0 }), false, restOk);
    }
  }

  // Server actions: hostile form fields, named as the page's own forms name them, and malformed envelopes.
  for (const action of actions()) {
    const page = fill(action.page, String(action.page.startsWith("/roles") ? admin.roleId : victim.id));
    const html = await (await signedIn.get(page)).text();
    const fields = [...new Set([...html.matchAll(/\sname="([^"$][^"]*)"/g)].map((m) => m[1]!))];
    const headers = { "next-action": action.id, accept: "text/x-component" };
    const postForm = (multipart: Record<string, string>) => signedIn.post(page, { headers, multipart });
    const postRaw = (data: string) => signedIn.post(page, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data });
    const form = (values: Record<string, string>) => ({
      "0": ACTION_ROOT,
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`_1_${k}`, v])),
    });
    const forms: Record<string, string>[] = [];
    for (const value of pick(random, HOSTILE_STRINGS, 4)) forms.push(form(Object.fromEntries(fields.map((f) => [f, value]))));
    for (const field of pick(random, fields, 3)) {
      for (const value of pick(random, HOSTILE_STRINGS, 2))
        forms.push(form({ ...Object.fromEntries(fields.map((f) => [f, "1"])), [field]: value }));
    }
    forms.push({ "1": "no root" }, { "0": "{" }, form({ "\u0000": "x" }));
    for (const f of forms) await probe(`action ${action.name} ${JSON.stringify(f).slice(0, 100)}`, () => postForm(f), true, actionOk);
    for (const raw of BAD_ENVELOPES) await probe(`action ${action.name} envelope ${raw}`, () => postRaw(raw), true, actionOk);
  }

  // The proxy's own decisions: cross-origin and oversized action posts.
  const someAction = actions()[0]!;
  const actionPage = fill(someAction.page, String(victim.id));
  const crossSite = await signedIn.post(actionPage, {
    headers: { "next-action": someAction.id, origin: "http://evil.example" },
    multipart: { "0": "[]" },
  });
  if (crossSite.status() !== 403) failures.push({ what: "cross-origin action post", status: crossSite.status(), body: "expected 403" });
  const huge = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
  const oversized = await signedIn.post(actionPage, {
    headers: { "next-action": someAction.id, "content-type": "text/plain" },
    data: huge,
  });
  if (oversized.status() !== 413) failures.push({ what: "oversized action post", status: oversized.status(), body: "expected 413" });

  console.log(`[fuzz] ${sent} hostile requests on ${server.kind}`);
  expect(sent).toBeGreaterThan(300);
  expect(failures).toEqual([]);
  await signedIn.dispose();
  await anonymous.dispose();
  for (const context of extraSessions) await context.dispose();
});
