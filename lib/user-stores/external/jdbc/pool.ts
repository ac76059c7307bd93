import pg from "pg";
import { AppError } from "../../../errors.ts";
import type { JdbcSettings } from "../settings.ts";

/**
 * One small pg pool per WSO2 directory. Every failure to reach the database or to answer
 * within the configured timeouts becomes STORE_UNAVAILABLE with a message free of secrets;
 * a duplicate name becomes CONFLICT.
 */
export type Wso2Pool = {
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  end(): Promise<void>;
};

const POOL_SIZE = 4;

export function createWso2Pool(settings: JdbcSettings): Wso2Pool {
  let pool: pg.Pool | undefined;
  const open = (): pg.Pool => {
    if (pool) return pool;
    const created = new pg.Pool({
      connectionString: settings.url,
      ...(settings.password !== undefined ? { password: settings.password } : {}),
      max: POOL_SIZE,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // The server cancels a slow statement; the client gives up too when the server itself is stuck.
      statement_timeout: settings.readTimeoutMs,
      query_timeout: settings.readTimeoutMs + 1_000,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    created.on("error", () => undefined);
    pool = created;
    return created;
  };
  return {
    async query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]) {
      try {
        return await open().query<R>(sql, values);
      } catch (error) {
        throw storeError(error);
      }
    },
    async transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await open().connect();
      } catch (error) {
        throw storeError(error);
      }
      let broken = false;
      try {
        await client.query("BEGIN");
        const result = await body(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        broken = await client.query("ROLLBACK").then(
          () => false,
          () => true,
        );
        throw storeError(error);
      } finally {
        client.release(broken);
      }
    },
    async end() {
      const closing = pool;
      pool = undefined;
      await closing?.end();
    },
  };
}

/** Maps a pg or socket error to the AppError an admin can act on; AppErrors pass through. */
export function storeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "23505") return new AppError("CONFLICT", "The WSO2 user database already has an entry with that name.");
  if (code === "42P01" || code === "42703")
    return new AppError(
      "STORE_UNAVAILABLE",
      "The WSO2 user database lacks the UM tables or columns Gatehouse reads (UM_USER, UM_ROLE, ...).",
    );
  if (code === "57014") return new AppError("STORE_UNAVAILABLE", "The WSO2 user database did not answer within the read timeout.");
  if (code === "28P01" || code === "28000") return new AppError("STORE_UNAVAILABLE", "The WSO2 user database refused the credentials.");
  if (typeof code === "string" && /^(08|53|57P)/.test(code))
    return new AppError("STORE_UNAVAILABLE", "The WSO2 user database is not available.");
  if (typeof code === "string" && /^(22|23)/.test(code)) return new AppError("INVALID_INPUT", "The WSO2 user database refused the value.");
  if (/timeout|timed out|ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|terminated|Connection/i.test(message))
    return new AppError("STORE_UNAVAILABLE", "The WSO2 user database could not be reached in time.");
  return new AppError("STORE_UNAVAILABLE", "The WSO2 user database failed to answer the request.");
}
