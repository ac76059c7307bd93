-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "memberCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: Prisma cannot express triggers.
-- "Role"."memberCount" is COUNT(*) of the role's "Membership" rows, kept in the writing
-- transaction. Statement-level triggers with transition tables: one UPDATE per statement
-- (a bulk insert of 1,000 memberships updates each role once), and the roles are locked in
-- id order first, so two transactions adding members to the same roles queue instead of
-- deadlocking. ON DELETE CASCADE from "User" or "Role" runs DELETEs on "Membership", which
-- fire these too (for a deleted role the UPDATE finds no row). The lock is FOR NO KEY UPDATE,
-- which does not block the foreign-key checks (FOR KEY SHARE) of concurrent membership inserts.
CREATE FUNCTION "gatehouse_member_count_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Role" WHERE "id" IN (SELECT "roleId" FROM added) ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "Role" r SET "memberCount" = r."memberCount" + a."n"
  FROM (SELECT "roleId", COUNT(*) AS "n" FROM added GROUP BY "roleId") a
  WHERE r."id" = a."roleId";
  RETURN NULL;
END $$;

CREATE FUNCTION "gatehouse_member_count_remove"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Role" WHERE "id" IN (SELECT "roleId" FROM removed) ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "Role" r SET "memberCount" = r."memberCount" - d."n"
  FROM (SELECT "roleId", COUNT(*) AS "n" FROM removed GROUP BY "roleId") d
  WHERE r."id" = d."roleId";
  RETURN NULL;
END $$;

CREATE FUNCTION "gatehouse_member_count_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Role" WHERE "id" IN (SELECT "roleId" FROM added UNION SELECT "roleId" FROM removed) ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "Role" r SET "memberCount" = r."memberCount" + c."n"
  FROM (SELECT "roleId", SUM("n") AS "n" FROM (
          SELECT "roleId", 1 AS "n" FROM added UNION ALL SELECT "roleId", -1 FROM removed) x
        GROUP BY "roleId") c
  WHERE r."id" = c."roleId" AND c."n" <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "Membership_memberCount_insert" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "gatehouse_member_count_add"();

CREATE TRIGGER "Membership_memberCount_delete" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "gatehouse_member_count_remove"();

CREATE TRIGGER "Membership_memberCount_update" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "gatehouse_member_count_move"();

-- Backfill
UPDATE "Role" r SET "memberCount" = (SELECT COUNT(*) FROM "Membership" m WHERE m."roleId" = r."id");
