import { test as base } from "@playwright/test";
import { createDb, type Db } from "../../../lib/db/client.ts";
import { createEmptyTarget, databaseKinds } from "../../../testing/databases.ts";
import { seedUser } from "../../../testing/seed.ts";
import { startServer } from "../../cli/support/server.ts";

export type Answer = { status: number; body: string };
export type Instances = {
  db: Db;
  /** Sends job `i` to server `i % 2` with that server's management token. */
  send: (i: number, method: string, path: string, body?: unknown) => Promise<Answer>;
};

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

/**
 * Two production servers on one uniquely named PostgreSQL database (dropped afterwards), as
 * two instances behind a load balancer, and an admin signed in to each through /management/login.
 */
export const test = base.extend<object, { instances: Instances }>({
  instances: [
    async ({}, use) => {
      if (!(await databaseKinds()).includes("postgres")) {
        base.skip(true, "PostgreSQL is unreachable");
        return;
      }
      const { target, cleanup } = await createEmptyTarget("postgres");
      const db = createDb(target);
      const servers: Awaited<ReturnType<typeof startServer>>[] = [];
      try {
        // Started together: both migrate and provision the empty database at once, as at a rollout.
        const started = await Promise.allSettled([startServer(target), startServer(target)]);
        for (const s of started) if (s.status === "fulfilled") servers.push(s.value);
        for (const s of started) if (s.status === "rejected") throw s.reason;
        const admin = await seedUser(db, { admin: true });
        const tokens = await Promise.all(
          servers.map(async ({ url }) => {
            const authorization = basic(admin.username, admin.password);
            const response = await fetch(`${url}/management/login`, { method: "POST", headers: { authorization } });
            if (response.status !== 200) throw new Error(`login at ${url} answered ${response.status}: ${await response.text()}`);
            return ((await response.json()) as { AccessToken: string }).AccessToken;
          }),
        );
        const send = async (i: number, method: string, path: string, body?: unknown): Promise<Answer> => {
          const headers: Record<string, string> = { authorization: `Bearer ${tokens[i % 2]}` };
          if (body !== undefined) headers["content-type"] = "application/json";
          const payload = body === undefined ? undefined : JSON.stringify(body);
          const response = await fetch(`${servers[i % 2]!.url}${path}`, { method, headers, body: payload });
          return { status: response.status, body: await response.text() };
        };
        await use({ db, send });
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await db.$disconnect();
        await cleanup();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

/** How many answers had each status, e.g. { 200: 1, 409: 19 }. */
export function statusCounts(answers: readonly Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

export { expect } from "@playwright/test";
