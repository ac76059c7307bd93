import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { useTestApp } from "../../testing/route-harness.ts";
import { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";
import type { TGatehouseConfig } from "../config/schema.ts";
import { provision } from "../provisioning/provision.ts";
import { authOptions } from "./options.ts";
import { messageForThrottledCode } from "./throttled.ts";

const holder = globalThis as unknown as { gatehouseConfig?: TGatehouseConfig };

describe.each(await databaseKinds())("console sign-in (next-auth credentials) on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    useTestApp(t.db);
    holder.gatehouseConfig = testConfig({ rate_limit: { per_address: 2, window_seconds: 600 } });
  });
  afterAll(() => t.drop());

  it("turns the rate limit's refusal into an error code the form shows as the throttle message", async () => {
    const user = await seedUser(t.db, { grants: ["/permission/admin/login"] });
    const provider = (await authOptions()).providers[0] as CredentialsConfig;
    const authorize = (password: string) =>
      provider.options.authorize(
        { username: user.username, password },
        { headers: { "x-forwarded-for": "203.0.113.80" }, body: {}, query: {}, method: "POST" },
      );
    expect(await authorize("wrong one")).toBeNull();
    expect(await authorize("wrong two")).toBeNull();
    const refusal = await authorize(TEST_PASSWORD).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/^Throttled:\d+$/);
    expect(messageForThrottledCode(refusal!)).toMatch(/^Too many sign-in attempts from your address; try again in \d+ s\.$/);
    expect(messageForThrottledCode("CredentialsSignin")).toBeNull();
  });
});
