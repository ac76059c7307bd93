import path from "node:path";

export type DbTarget = { provider: "sqlite"; file: string; url: string } | { provider: "postgres"; url: string };

const DEFAULT_URL = "file:./data/gatehouse.db";

/** Reads DATABASE_URL: a postgres URL selects PostgreSQL, anything else is an SQLite file. */
export function resolveDbTarget(url = process.env.DATABASE_URL || DEFAULT_URL): DbTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgres", url };
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a postgres:// URL or a file: path, got "${url.split(":")[0]}:…"`);
  }
  const file = path.resolve(/*turbopackIgnore: true*/ url.slice("file:".length));
  return { provider: "sqlite", file, url: `file:${file}` };
}
