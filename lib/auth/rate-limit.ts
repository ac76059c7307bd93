/**
 * Rate limits on password checks, per client address and over all addresses, with
 * rate-limiter-flexible. Counters live where every instance sees them: in the database
 * (RateLimiterPrisma over the RateLimitCounter table, on SQLite and PostgreSQL alike) or, when
 * `[cache] redis_url` is set, in Redis, with the database as the fallback while Redis is down.
 *
 * Each check takes a point before the password is hashed, so a parallel burst cannot get past
 * the limit; a right password gives its point back, so only failures count and people behind
 * one NAT address are not throttled for signing in.
 */
import { Redis } from "ioredis";
import { RateLimiterPrisma, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { TGatehouseConfig } from "../config/schema.ts";
import type { Db } from "../db/client.ts";

export type PasswordCheckPass = { ok: true; giveBack: () => Promise<void> } | { ok: false; retryAfterSeconds: number };

type Limits = { perAddress: RateLimiterAbstract; global: RateLimiterAbstract };

const limitsByClient = new WeakMap<Db, WeakMap<TGatehouseConfig, Limits>>();
const redisByUrl = new Map<string, Redis>();

/** Takes one point from the address's and the global budget, or says how long to wait. */
export async function takePasswordCheck(client: Db, config: TGatehouseConfig, address: string): Promise<PasswordCheckPass> {
  if (!config.rate_limit.enabled) return { ok: true, giveBack: async () => undefined };
  const limits = limitsFor(client, config);
  const addressKey = `address:${address || "unknown"}`;
  // The address first: an address already over its limit must not also use up the global budget.
  const refusedByAddress = await consume(limits.perAddress, addressKey);
  if (refusedByAddress) return refusedByAddress;
  const refusedGlobally = await consume(limits.global, "all");
  if (refusedGlobally) return refusedGlobally;
  return {
    ok: true,
    giveBack: async () => {
      await Promise.all([limits.perAddress.reward(addressKey, 1), limits.global.reward("all", 1)]);
    },
  };
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<{ ok: false; retryAfterSeconds: number } | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when the store fails.
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    throw rejection;
  }
}

function limitsFor(client: Db, config: TGatehouseConfig): Limits {
  let byConfig = limitsByClient.get(client);
  if (!byConfig) limitsByClient.set(client, (byConfig = new WeakMap()));
  let limits = byConfig.get(config);
  if (!limits) byConfig.set(config, (limits = createLimits(client, config)));
  return limits;
}

function createLimits(client: Db, config: TGatehouseConfig): Limits {
  const { per_address, global, window_seconds } = config.rate_limit;
  const make = (name: string, points: number): RateLimiterAbstract => {
    const keyPrefix = `${config.cache.key_prefix}:password-checks:${name}`;
    const options = { keyPrefix, points, duration: window_seconds };
    const inDatabase = new RateLimiterPrisma({ ...options, storeClient: client, tableName: "rateLimitCounter" });
    const url = config.cache.redis_url;
    if (!url) return inDatabase;
    return new RateLimiterRedis({ ...options, storeClient: redisClient(url), rejectIfRedisNotReady: true, insuranceLimiter: inDatabase });
  };
  return { perAddress: make("address", per_address), global: make("global", global) };
}

function redisClient(url: string): Redis {
  let redis = redisByUrl.get(url);
  if (!redis) {
    // No offline queue: while Redis is unreachable (or still connecting), checks go to the
    // database at once instead of waiting for it.
    redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    let reported = false;
    // ioredis reports every reconnection attempt; one warning per outage is enough.
    redis.on("error", (error: Error) => {
      if (!reported) console.warn(`[gatehouse] Redis at ${redactedUrl(url)}: ${error.message}; rate limits use the database meanwhile`);
      reported = true;
    });
    redis.on("ready", () => (reported = false));
    redisByUrl.set(url, redis);
  }
  return redis;
}

/** Resolves once the configured Redis is connected (at once without one), so callers can count on it being used. */
export async function rateLimitStoreReady(config: TGatehouseConfig): Promise<void> {
  const url = config.cache.redis_url;
  if (!url) return;
  const redis = redisClient(url);
  if (redis.status !== "ready") await new Promise((resolve) => redis.once("ready", resolve));
}

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** Closes the Redis connections (tests, shutdown). */
export async function closeRateLimitStores(): Promise<void> {
  const clients = [...redisByUrl.values()];
  redisByUrl.clear();
  await Promise.all(clients.map((redis) => (redis.status === "ready" ? redis.quit().catch(() => redis.disconnect()) : redis.disconnect())));
}
