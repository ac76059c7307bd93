import { Redis } from "ioredis";

const REDIS_URL = process.env.GATEHOUSE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** True when tests must fail rather than skip without Redis (npm test sets it once Redis is up). */
export const redisRequired = process.env.GATEHOUSE_REQUIRE_REDIS === "1";

let reachable: Promise<boolean> | undefined;

/** The Redis to test against, or null (with a warning) when none answers and none is required. */
export async function testRedisUrl(): Promise<string | null> {
  reachable ??= (async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return true;
    } catch (error) {
      if (redisRequired) throw new Error(`Redis is required but unreachable at ${REDIS_URL}: ${(error as Error).message}`);
      console.warn(`[tests] Redis unreachable at ${REDIS_URL}; its suites are skipped.`);
      return false;
    } finally {
      probe.disconnect();
    }
  })();
  return (await reachable) ? REDIS_URL : null;
}
