import http from "node:http";
import { test as base } from "@playwright/test";
import { databaseKinds, type DbKind } from "../../testing/databases.ts";
import { seedUser } from "../../testing/seed.ts";
import { startServerOn, type StartedServer } from "../cli/support/server.ts";

// Issue #12: one server on two node:cluster workers (scripts/serve.mjs --workers 2). Whichever
// worker answers, a revoked session is refused at once and the sign-in limit is not doubled.
// The throttle config allows two failed password checks per address.
const test = base.extend<object, { dbKind: DbKind; server: StartedServer }>({
  dbKind: ["sqlite", { option: true, scope: "worker" }],
  server: [
    async ({ dbKind }, use) => {
      if (!(await databaseKinds()).includes(dbKind)) {
        base.skip(true, "PostgreSQL is unreachable");
        return;
      }
      const server = await startServerOn(dbKind, { workers: 2, configFile: "e2e/gatehouse.throttle.e2e.toml" });
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
});
const { expect } = base;

type Answer = { status: number; worker: string; body: string };

/** One request on a connection of its own: the cluster hands each new connection to the next worker. */
function ask(url: string, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { method, headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, worker: String(response.headers["x-gatehouse-worker"]), body }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** Asks until both workers have answered (at most `limit` times), returning every answer. */
async function fromBothWorkers(send: () => Promise<Answer>, limit = 40): Promise<Answer[]> {
  const answers: Answer[] = [];
  while (answers.length < limit && new Set(answers.map((a) => a.worker)).size < 2) answers.push(await send());
  return answers;
}

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

test.describe.configure({ mode: "serial" });

test("requests are served by both workers", async ({ server }) => {
  const answers = await fromBothWorkers(() => ask(server.url, "GET", "/login"));
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
});

test("a revoked session is refused on the very next request, whichever worker answers", async ({ server }) => {
  const admin = await seedUser(server.db, { admin: true });
  const login = await ask(server.url, "POST", "/management/login", { authorization: basic(admin.username, admin.password) });
  expect(login.status).toBe(200);
  const bearer = { authorization: `Bearer ${(JSON.parse(login.body) as { AccessToken: string }).AccessToken}` };

  const before = await fromBothWorkers(() => ask(server.url, "GET", "/management/users", bearer));
  expect(new Set(before.map((a) => a.worker)).size).toBe(2);
  expect(before.map((a) => a.status)).toEqual(before.map(() => 200));

  expect((await ask(server.url, "POST", "/management/logout", bearer)).status).toBe(200);
  const after = await fromBothWorkers(() => ask(server.url, "GET", "/management/users", bearer));
  expect(new Set(after.map((a) => a.worker)).size).toBe(2);
  expect(after.map((a) => a.status)).toEqual(after.map(() => 401));
});

test("the sign-in rate limit is shared by the workers, not multiplied by them", async ({ server }) => {
  const admin = await seedUser(server.db, { admin: true });
  const wrong = { authorization: basic(admin.username, "not the password") };
  // Two failures are allowed from this address in all; every later attempt is throttled, on either worker.
  const answers: Answer[] = [];
  while (answers.length < 40 && new Set(answers.slice(2).map((a) => a.worker)).size < 2) {
    answers.push(await ask(server.url, "POST", "/management/login", wrong));
  }
  expect(answers.map((a) => a.status)).toEqual([401, 401, ...answers.slice(2).map(() => 429)]);
  expect(new Set(answers.slice(2).map((a) => a.worker)).size).toBe(2);
});
