import crypto from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { testConfig } from "../../testing/config.ts";
import { testRedisUrl } from "../../testing/redis.ts";
import { seedUser } from "../../testing/seed.ts";
import { createDb, type Db } from "../db/client.ts";
import type { TGatehouseConfig } from "../config/schema.ts";
import { provision } from "../provisioning/provision.ts";
import { closeRateLimitStores, rateLimitStoreReady } from "./rate-limit.ts";
import { signInWithPassword, type SignInResult } from "./sign-in.ts";

const LOGIN = ["/permission/admin/login"] as const;
const redisUrl = await testRedisUrl();
const uniquePrefix = () => `gatehouse-test-${crypto.randomBytes(6).toString("hex")}`;
const limits = (cache: Partial<TGatehouseConfig["cache"]> = {}) =>
  testConfig({
    rate_limit: { per_address: 4, global: 1000, window_seconds: 600 },
    lockout: { max_failed_attempts: 100, account_max_failed_attempts: 100 },
    cache: { key_prefix: uniquePrefix(), ...cache },
  });

describe.each(await databaseKinds())("rate-limit counters on %s", (kind) => {
  let t: TestDatabase;
  let username: string;
  const wrong = (client: Db, config: TGatehouseConfig, ip = "203.0.113.99") =>
    signInWithPassword(client, config, { username, password: "wrong password!", kind: "api", ip });
  const retryAfter = (results: SignInResult[]) => results.flatMap((r) => (!r.ok && r.retryAfterSeconds ? [r.retryAfterSeconds] : []));
  // Two clients of one SQLite file in one process would block each other (better-sqlite3 waits
  // for the file lock synchronously), so the second instance is tested on PostgreSQL.
  const secondInstance = () => (kind === "postgres" ? createDb(t.target) : t.db);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    username = (await seedUser(t.db, { grants: LOGIN })).username;
  });
  afterAll(async () => {
    await closeRateLimitStores();
    await t.drop();
  });

  it("are shared by two instances on one database", async () => {
    const config = limits();
    const second = secondInstance();
    try {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => wrong(i % 2 ? second : t.db, config)));
      expect(retryAfter(results)).toHaveLength(6);
    } finally {
      if (second !== t.db) await second.$disconnect();
    }
  });

  it("fall back to the database while the configured Redis is unreachable", async () => {
    // Nothing listens on port 1.
    const config = limits({ redis_url: "redis://127.0.0.1:1" });
    const results = await Promise.all(Array.from({ length: 6 }, () => wrong(t.db, config)));
    expect(retryAfter(results)).toHaveLength(2);
    expect(await t.db.rateLimitCounter.count({ where: { key: { startsWith: config.cache.key_prefix } } })).toBeGreaterThan(0);
  });

  it.skipIf(!redisUrl)("live in Redis when [cache] redis_url is set, shared by two instances", async () => {
    const config = limits({ redis_url: redisUrl! });
    await rateLimitStoreReady(config);
    const second = secondInstance();
    const inspect = new Redis(redisUrl!);
    try {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => wrong(i % 2 ? second : t.db, config)));
      expect(retryAfter(results)).toHaveLength(6);
      expect(Math.max(...retryAfter(results))).toBeLessThanOrEqual(600);
      const keys = await inspect.keys(`${config.cache.key_prefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(await t.db.rateLimitCounter.count({ where: { key: { startsWith: config.cache.key_prefix } } })).toBe(0);
      await inspect.del(...keys);
    } finally {
      inspect.disconnect();
      if (second !== t.db) await second.$disconnect();
    }
  });
});
