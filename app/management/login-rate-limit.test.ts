import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { basic, mgmtOpenapi, mgmtRequest, mgmtWorld } from "../../testing/management-client.ts";
import { testConfig } from "../../testing/config.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import type { TGatehouseConfig } from "../../lib/config/schema.ts";
import * as loginRoute from "./login/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const LOGIN = ["/permission/admin/login"] as const;
const holder = globalThis as unknown as { gatehouseConfig?: TGatehouseConfig };

describe.each(await databaseKinds())("rate limits on /management/login on %s", (kind) => {
  let t: TestDatabase;
  const login = async (username: string, password: string, ip: string) => {
    const response = await loginRoute.POST(
      mgmtRequest("POST", "/login", { headers: { authorization: basic(username, password), "x-forwarded-for": ip } }),
    );
    await mgmtOpenapi.assertResponse("/login", "POST", response);
    return response;
  };
  const useLimits = (rate_limit: Partial<TGatehouseConfig["rate_limit"]>) => {
    holder.gatehouseConfig = testConfig({ rate_limit, lockout: { max_failed_attempts: 100, account_max_failed_attempts: 100 } });
  };

  beforeAll(async () => {
    ({ t } = await mgmtWorld(kind));
  });
  afterAll(() => t.drop());

  it("answers 429 with Retry-After once one address has used up its failures, across accounts", async () => {
    useLimits({ per_address: 3, global: 1000, window_seconds: 600 });
    const users = await Promise.all([1, 2, 3, 4].map(() => seedUser(t.db, { grants: LOGIN })));
    for (const user of users.slice(0, 3)) expect((await login(user.username, "a sprayed password", "203.0.113.5")).status).toBe(401);
    const refused = await login(users[3]!.username, TEST_PASSWORD, "203.0.113.5");
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect(((await refused.json()) as { Error: string }).Error).toMatch(
      /^Too many sign-in attempts from your address; try again in \d+ s\.$/,
    );
    // Another address is not affected.
    expect((await login(users[3]!.username, TEST_PASSWORD, "203.0.113.6")).status).toBe(200);
  });

  it("does not count right passwords, so people sharing one address can keep signing in", async () => {
    useLimits({ per_address: 2, global: 1000, window_seconds: 600 });
    const user = await seedUser(t.db, { grants: LOGIN });
    for (let i = 0; i < 4; i++) expect((await login(user.username, TEST_PASSWORD, "198.51.100.77")).status).toBe(200);
  });

  it("refuses a parallel burst from one address beyond its limit, before checking any password", async () => {
    useLimits({ per_address: 5, global: 1000, window_seconds: 600 });
    const user = await seedUser(t.db, { grants: LOGIN });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => login(user.username, "guess", "203.0.113.50").then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await t.db.auditEvent.count({ where: { action: "auth.sign_in_failed", actorId: user.id } })).toBe(5);
  });

  it("answers 429 to every address once all of them together reach the global limit", async () => {
    useLimits({ per_address: 1000, global: 3, window_seconds: 600 });
    // The earlier tests' failures count in the global window too: start a fresh one.
    await t.db.rateLimitCounter.deleteMany({});
    const user = await seedUser(t.db, { grants: LOGIN });
    for (const ip of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) expect((await login(user.username, "wrong", ip)).status).toBe(401);
    const refused = await login(user.username, TEST_PASSWORD, "192.0.2.4");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
