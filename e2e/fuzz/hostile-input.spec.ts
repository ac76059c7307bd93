import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACTION_BODY_LIMIT_BYTES } from "../../lib/http/edge-guard.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import { expect, test } from "../cli/support/server.ts";
import { HOSTILE_CURSORS, HOSTILE_JSON, HOSTILE_RAW_BODIES, HOSTILE_STRINGS, mutations, pick, seededRandom } from "./hostile-values.ts";
import { actions, fill, fingerprint, pages, routes } from "./surface.ts";

/**
 * Issue #9 item 4: a few hundred generated hostile values through every route, page and server
 * action of a production server, on SQLite and on PostgreSQL. No answer may be a 5xx, and a
 * refused request must leave the database as it was; only a request that succeeded may write.
 */
type Failure = { what: string; status: number; body: string };

const SAMPLE_BODIES: Record<string, Record<string, unknown>> = {
  "POST /management/users": { userId: "fuzz_user", password: "correct horse battery staple", isAdmin: false, domain: "PRIMARY" },
  "PATCH /management/users/[userId]": { oldPassword: "x", newPassword: "correct horse battery staple 2", confirmPassword: "correct horse battery staple 2" },
  "POST /management/roles": { role: "fuzz_role", domain: "PRIMARY" },
  "PUT /management/roles": { userId: "admin", addedRoles: ["Internal/creator"], removedRoles: [] },
  "PUT /api/am/admin/v4/system-scopes": { count: 1, list: [{ name: "apim:admin", roles: ["admin"] }] },
  "PUT /api/am/admin/v4/system-scopes/role-aliases": { count: 1, list: [{ role: "admin", aliases: ["Internal/creator"] }] },
  "POST /api/v1/authz/check": { user: "admin", permission: "/permission/admin" },
  "POST /api/v1/authz/check/batch": { checks: [{ user: "admin", scope: "apim:admin" }] },
  "POST /api/v1/users/bulk-delete": { userIds: [1] },
  "POST /api/v1/users/bulk-assign-role": { roleId: 1, userIds: [1] },
};
const QUERY_KEYS = ["q", "pattern", "searchKey", "role", "domain", "limit", "size", "cursor", "after", "before", "claim", "value", "sort", "dir", "user", "query"];

test.describe.configure({ timeout: 300_000 });

/** encodeURIComponent, except that a lone surrogate (which it cannot encode) becomes its CESU-8 bytes. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ""))}`;
  }
}

test("hostile input never gets a 5xx and never writes when refused", async ({ server }) => {
  const random = seededRandom(9);
  const failures: Failure[] = [];
  const admin = await seedUser(server.db, { admin: true });
  const victim = await seedUser(server.db, { grants: ["/permission/admin/login"] });
  const origin = server.url;

  const console_ = await playwrightRequest.newContext({ baseURL: server.url, extraHTTPHeaders: { origin } });
  const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
  const { csrfToken } = (await (await console_.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await console_.post("/api/auth/callback/credentials", { form: { csrfToken, username: admin.username, password: TEST_PASSWORD, json: "true" } });
  expect((await console_.get("/api/v1/me")).status()).toBe(200);
  const login = await anonymous.post("/management/login", { headers: { authorization: `Basic ${Buffer.from(`${admin.username}:${TEST_PASSWORD}`).toString("base64")}` } });
  const token = ((await login.json()) as { AccessToken: string }).AccessToken;
  const bearer = { authorization: `Bearer ${token}` };

  let sent = 0;
  /** Sends one request; a write that did not succeed must leave the fingerprint as it was. */
  async function probe(what: string, send: () => Promise<APIResponse>, isWrite: boolean, succeeded: (r: APIResponse, text: string) => boolean) {
    const before = isWrite ? await fingerprint(server.db) : "";
    const response = await send();
    const text = await response.text().catch(() => "");
    sent += 1;
    if (response.status() >= 500) failures.push({ what, status: response.status(), body: text.slice(0, 200) });
    if (isWrite && !succeeded(response, text) && (await fingerprint(server.db)) !== before) failures.push({ what: `${what} (wrote while refused)`, status: response.status(), body: text.slice(0, 200) });
  }
  const restOk = (r: APIResponse) => r.status() < 300;

  // Routes: hostile path segments, queries and bodies, as the console (cookie) and as a script (token).
  for (const route of routes()) {
    const dynamic = route.template.includes("[");
    const client = (i: number) => (route.template.startsWith("/api/auth") ? anonymous : i % 2 === 0 ? console_ : undefined);
    for (const method of route.methods) {
      const isWrite = method !== "GET" && method !== "HEAD";
      const key = `${method} ${route.template}`;
      const call = (i: number, url: string, init: { data?: unknown; headers?: Record<string, string> } = {}) => {
        const ctx = client(i);
        const headers = { ...(ctx ? {} : bearer), ...(init.data !== undefined ? { "content-type": "application/json" } : {}), ...init.headers };
        return (ctx ?? anonymous).fetch(url, { method, headers, data: init.data === undefined ? undefined : typeof init.data === "string" ? init.data : JSON.stringify(init.data) });
      };
      const segments = dynamic ? [...pick(random, HOSTILE_STRINGS, 10).map(encodeSegment), "%FF", "%E0%A4%A", "%00", "%ED%A0%80", "1", "99999999999"] : [""];
      for (const [i, segment] of segments.entries()) {
        const url = dynamic ? fill(route.template, segment) : route.template;
        const query = new URLSearchParams(pick(random, QUERY_KEYS, 3).map((k) => [k, pick(random, [...HOSTILE_STRINGS, ...HOSTILE_CURSORS], 1)[0]!]));
        await probe(`${key} ${url}?${query}`, () => call(i, `${url}?${query}`), isWrite, restOk);
      }
      const path = fill(route.template, "admin");
      if (isWrite) {
        const sample = SAMPLE_BODIES[key];
        const bodies = [...HOSTILE_RAW_BODIES, ...pick(random, HOSTILE_JSON, 8), ...(sample ? pick(random, mutations(sample, HOSTILE_JSON), 24) : [])];
        for (const [i, body] of bodies.entries()) await probe(`${key} body ${JSON.stringify(body).slice(0, 80)}`, () => call(i, path, { data: body }), true, restOk);
      }
      if (route.template === "/management/login") {
        for (const value of pick(random, HOSTILE_STRINGS, 12)) {
          const authorization = `Basic ${Buffer.from(`${value}:${value}`).toString("base64")}`;
          await probe(`${key} basic ${JSON.stringify(value).slice(0, 40)}`, () => anonymous.fetch(path, { method, headers: { authorization } }), false, restOk);
        }
      }
    }
  }

  // Pages: hostile ids and search parameters, including crafted cursors.
  for (const page of pages()) {
    const ids = page.includes("[") ? ["%FF", "%00", "abc", "-1", "99999999999", "1.5", String(victim.id)] : [""];
    for (const id of ids) {
      const query = new URLSearchParams(pick(random, QUERY_KEYS, 4).map((k) => [k, pick(random, [...HOSTILE_STRINGS, ...HOSTILE_CURSORS], 1)[0]!]));
      const url = `${page.includes("[") ? fill(page, id) : page}?${query}`;
      await probe(`GET page ${url}`, () => console_.get(url, { maxRedirects: 0 }), false, restOk);
    }
  }

  // Server actions: hostile form fields named as the page's own forms name them, and malformed envelopes.
  const actionOk = (r: APIResponse, text: string) => r.status() < 300 && text.includes('"ok":true');
  for (const action of actions()) {
    const page = fill(action.page, String(action.page.startsWith("/roles") ? admin.roleId : victim.id));
    const html = await (await console_.get(page)).text();
    const fields = [...new Set([...html.matchAll(/\sname="([^"$][^"]*)"/g)].map((m) => m[1]!))].filter((f) => !f.startsWith("$ACTION"));
    const post = (multipart: Record<string, string> | undefined, raw?: string, headers: Record<string, string> = {}) =>
      console_.post(page, { headers: { "next-action": action.id, accept: "text/x-component", ...headers }, ...(multipart ? { multipart } : { data: raw ?? "" }) });
    const forms: Record<string, string>[] = [];
    for (const value of pick(random, HOSTILE_STRINGS, 6)) forms.push(Object.fromEntries([["0", '["$undefined","$K1"]'], ...fields.map((f) => [`_1_${f}`, value])]));
    for (const field of pick(random, fields, 4)) for (const value of pick(random, HOSTILE_STRINGS, 2)) forms.push({ "0": '["$undefined","$K1"]', [`_1_${field}`]: value, ...Object.fromEntries(fields.filter((f) => f !== field).map((f) => [`_1_${f}`, "1"])) });
    forms.push({ "1": "no root" }, { "0": "{" }, { "0": '["$undefined","$K1"]', "_1_\u0000": "x" });
    for (const form of forms) await probe(`action ${action.name} ${JSON.stringify(form).slice(0, 100)}`, () => post(form), true, actionOk);
    for (const raw of ["[null,5]", '["$K9"]', "[", '"\\u0000"', "[1,2,3]", '["$@9"]', '["$Q9"]', '[{"then":"$9"}]', "{}", ""]) {
      await probe(`action ${action.name} envelope ${raw}`, () => post(undefined, raw, { "content-type": "text/plain;charset=UTF-8" }), true, actionOk);
    }
  }

  // The proxy's own decisions: cross-origin and oversized action posts.
  const someAction = actions()[0]!;
  const actionPage = fill(someAction.page, String(victim.id));
  const crossSite = await console_.post(actionPage, { headers: { "next-action": someAction.id, origin: "http://evil.example" }, multipart: { "0": "[]" } });
  expect(crossSite.status()).toBe(403);
  const oversized = await console_.post(actionPage, { headers: { "next-action": someAction.id, "content-type": "text/plain" }, data: "x".repeat(ACTION_BODY_LIMIT_BYTES + 1) });
  expect(oversized.status()).toBe(413);

  test.info().annotations.push({ type: "requests", description: String(sent) });
  console.log(`[fuzz] ${sent} hostile requests on ${server.kind}`);
  expect(sent).toBeGreaterThan(300);
  expect(failures).toEqual([]);
  await console_.dispose();
  await anonymous.dispose();
});
