import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testConfig } from "../../../../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../../../../testing/databases.ts";
import { mgmtLogin } from "../../../../../testing/management-client.ts";
import { callRoute, sessionCookie, useTestApp } from "../../../../../testing/route-harness.ts";
import { seedUser } from "../../../../../testing/seed.ts";
import { provision } from "../../../../../lib/provisioning/provision.ts";
import { ZImportJobAnswer, ZImportRowsAnswer } from "../../../../../lib/contracts/user-import.ts";
import * as upload from "./route.ts";
import * as job from "./[id]/route.ts";
import * as rows from "./[id]/rows/route.ts";
import * as start from "./[id]/start/route.ts";
import * as cancel from "./[id]/cancel/route.ts";
import * as report from "./[id]/report/route.ts";

vi.mock("next/headers", async () => (await import("../../../../../testing/route-harness.ts")).nextHeaders);

const ORIGIN = "http://localhost:3000";
const PASSWORD = "an api import password";

/** The NDJSON answer's lines, parsed. */
async function lines(response: Response): Promise<Record<string, unknown>[]> {
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe.each(await databaseKinds())("/api/v1/users/import on %s", (kind) => {
  let t: TestDatabase;
  let bearer: string;
  let viewer: string;
  const auth = (token: string): Record<string, string> =>
    token.startsWith("next-auth") ? { cookie: token, origin: ORIGIN } : { authorization: `Bearer ${token}` };
  const post = (text: string, token: string, query = "domain=PRIMARY&fileName=api.csv") =>
    callRoute(upload.POST, new Request(`${ORIGIN}/api/v1/users/import?${query}`, { method: "POST", headers: auth(token), body: text }), {});
  const get = (handler: typeof job.GET, id: string, token: string, query = "") =>
    callRoute(handler, new Request(`${ORIGIN}/api/v1/users/import/${id}${query}`, { headers: auth(token) }), { id });
  const act = (handler: typeof start.POST, id: string, token: string, body: unknown) =>
    callRoute(
      handler,
      new Request(`${ORIGIN}/api/v1/users/import/${id}/x`, {
        method: "POST",
        headers: { ...auth(token), "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { id },
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useTestApp(t.db);
    await provision(t.db, testConfig());
    const a = await seedUser(t.db, { admin: true });
    bearer = await mgmtLogin(a.username, a.password);
    const v = await seedUser(t.db, { grants: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/view"] });
    viewer = await sessionCookie(t.db, v.username, v.password);
  });
  afterAll(() => t.drop());

  it("previews a file sent as the body with a management token, starts it and reports every row", async () => {
    const response = await post(["UserName,Password", `api_one,${PASSWORD}`, "api_two,x", `api_three,${PASSWORD}`].join("\n"), bearer);
    expect(response.status).toBe(200);
    const events = await lines(response);
    const summary = events.at(-1)!;
    expect(summary).toMatchObject({ type: "summary", total: 3, toCreate: 2, invalid: 1, format: "csv" });
    expect(events.some((e) => e.type === "progress")).toBe(true);
    const id = String(summary.id);

    const invalid = ZImportRowsAnswer.parse(await (await get(rows.GET, id, bearer, "/rows?show=invalid")).json());
    expect(invalid.rows).toEqual([
      { line: 3, username: "api_two", plan: "invalid", outcome: null, column: "Password", message: "Use at least 12 characters." },
    ]);

    const before = ZImportJobAnswer.parse(await (await get(job.GET, id, bearer)).json());
    expect(before.state).toBe("preview");
    // A stale version is refused like any other stale save.
    expect((await act(start.POST, id, bearer, { version: before.version + 1 })).status).toBe(409);
    expect((await act(start.POST, id, bearer, { version: before.version })).status).toBe(200);
    await vi.waitFor(async () => expect(ZImportJobAnswer.parse(await (await get(job.GET, id, bearer)).json()).state).toBe("done"), {
      timeout: 20_000,
      interval: 50,
    });
    const csv = await (await get(report.GET, id, bearer, "/report")).text();
    expect(csv.split("\r\n").filter(Boolean)).toEqual([
      '"line","username","plan","outcome","column","message"',
      '"2","api_one","create","created","",""',
      '"3","api_two","invalid","invalid","Password","Use at least 12 characters."',
      '"4","api_three","create","created","",""',
    ]);
    expect(await t.db.user.count({ where: { usernameKey: { startsWith: "api_" } } })).toBe(2);
  });

  it("refuses bad options, an unreadable file, and someone who may not add users, with clear errors", async () => {
    const bad = await post("UserName\nx1y", bearer, "domain=");
    expect(bad.status).toBe(400);
    const unreadable = await post("Who,What\n1,2", bearer);
    expect(unreadable.status).toBe(400);
    expect(((await unreadable.json()) as { message: string }).message).toMatch(/first column must be UserName/);
    expect((await post("UserName\nforged_x", viewer)).status).toBe(403);
    expect((await get(job.GET, "not-a-number", bearer)).status).toBe(404);
    expect((await get(job.GET, "99999999", bearer)).status).toBe(404);
    expect(await t.db.importJob.count({ where: { fileName: "api.csv", state: { not: "done" } } })).toBe(0);
  });

  it("cancels (discards) a preview", async () => {
    const id = String((await lines(await post(`UserName,Password\napi_cancel,${PASSWORD}`, bearer))).at(-1)!.id);
    const { version } = ZImportJobAnswer.parse(await (await get(job.GET, id, bearer)).json());
    const answer = await act(cancel.POST, id, bearer, { version });
    expect(await answer.json()).toEqual({ id: Number(id), discarded: true });
    expect((await get(job.GET, id, bearer)).status).toBe(404);
  });
});
