-- Hand-written: Prisma cannot express operator classes or extensions here.
-- Trigram indexes for searches with a leading or inner `*` (`*ops*`, `*99999`, a claim
-- `*@acme.com`), which a B-tree cannot serve. pg_trgm's GIN operator class answers LIKE
-- directly: the queries keep their LIKE, the planner picks the index when the pattern has a
-- trigram to look up (3 or more characters between wildcards) and it expects few rows, and
-- rechecks every candidate, so results are exactly LIKE's.
--
-- CREATE EXTENSION needs a superuser, or a role allowed to create it (pg_trgm is a trusted
-- extension from PostgreSQL 13: the database owner may). Where the application's role may
-- not, a DBA runs `CREATE EXTENSION pg_trgm;` in the database first; IF NOT EXISTS then skips.
-- The indexes are built inside the migration's transaction (not CONCURRENTLY): on a large
-- existing table, writes to "User"/"UserClaim" wait while they build (about a minute per
-- million rows on a small machine).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "User_usernameKey_trgm_idx" ON "User" USING gin ("usernameKey" gin_trgm_ops);

-- The claim filter compares lower("value"), so that expression is what is indexed.
CREATE INDEX "UserClaim_value_lower_trgm_idx" ON "UserClaim" USING gin (lower("value") gin_trgm_ops);
