import type { Tx } from "../db/client.ts";
import { isForeignKeyViolation } from "../db/errors.ts";
import { join, sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";

export type MembershipPair = { userId: number; roleId: number };

// Three bound parameters a row: far below SQLite's 32766 and PostgreSQL's 65535 per statement.
const ROWS_PER_STATEMENT = 1000;

/**
 * Inserts the memberships that do not exist yet and returns the ones it inserted, for every
 * path that adds them (a user's roles, a role's members, bulk assign). Those paths lock
 * different rows, so two instances can add the same pair at once: ON CONFLICT DO NOTHING
 * (the same SQL on SQLite and PostgreSQL; Prisma's skipDuplicates is PostgreSQL-only) makes
 * the later insert wait for the earlier one and then skip the pair instead of failing on the
 * primary key. Rows go in key order, so overlapping inserts wait in one order, never in a cycle.
 *
 * A user or role deleted by a transaction that committed after the caller read it fails the
 * foreign key: that is NOT_FOUND, as if the caller had looked a moment later.
 */
export async function addMemberships(tx: Pick<Tx, "$queryRaw">, pairs: readonly MembershipPair[]): Promise<MembershipPair[]> {
  const unique = new Map(pairs.map((p) => [`${p.userId}:${p.roleId}`, p]));
  const sorted = [...unique.values()].sort((a, b) => a.userId - b.userId || a.roleId - b.roleId);
  const createdAt = new Date();
  const inserted: MembershipPair[] = [];
  for (let i = 0; i < sorted.length; i += ROWS_PER_STATEMENT) {
    const rows = sorted.slice(i, i + ROWS_PER_STATEMENT).map((p) => sql`(${p.userId}, ${p.roleId}, ${createdAt})`);
    const insert = sql`INSERT INTO "Membership" ("userId", "roleId", "createdAt") VALUES ${join(rows)}
      ON CONFLICT DO NOTHING RETURNING "userId", "roleId"`;
    const returned = await tx.$queryRaw<MembershipPair[]>(insert).catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw new AppError("NOT_FOUND", "A user or role was deleted meanwhile. Reload and try again.");
      throw error;
    });
    inserted.push(...returned.map((r) => ({ userId: Number(r.userId), roleId: Number(r.roleId) })));
  }
  return inserted;
}
