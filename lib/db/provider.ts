import type { DbTarget } from "./target.ts";
import type { Db, Tx } from "./client.ts";

/**
 * Which database a client (or a transaction's client) talks to. Prisma keeps it on every
 * client as `_activeProvider` ("sqlite" | "postgresql"); the few queries that must differ by
 * database (SQLite's FTS5 trigram tables, which PostgreSQL does not have) ask here.
 */
export function providerOf(client: Db | Tx): DbTarget["provider"] {
  const active = (client as unknown as { _activeProvider?: string })._activeProvider;
  if (active === "postgresql") return "postgres";
  if (active === "sqlite") return "sqlite";
  throw new Error(`unknown Prisma provider ${String(active)}`);
}
