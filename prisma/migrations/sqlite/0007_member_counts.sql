-- AlterTable (by hand: Prisma's table rebuild would DROP "Role" inside the migration's
-- transaction, where foreign_keys cannot be switched off, and cascade away every membership)
ALTER TABLE "Role" ADD COLUMN "memberCount" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: Prisma cannot express triggers.
-- "Role"."memberCount" is COUNT(*) of the role's "Membership" rows, kept in the writing
-- transaction. SQLite fires these for rows removed by ON DELETE CASCADE (a user's or a
-- role's deletion) too; INSERT ... ON CONFLICT DO NOTHING fires nothing for a skipped row.
CREATE TRIGGER "Membership_memberCount_insert" AFTER INSERT ON "Membership" BEGIN
  UPDATE "Role" SET "memberCount" = "memberCount" + 1 WHERE "id" = NEW."roleId";
END;

CREATE TRIGGER "Membership_memberCount_delete" AFTER DELETE ON "Membership" BEGIN
  UPDATE "Role" SET "memberCount" = "memberCount" - 1 WHERE "id" = OLD."roleId";
END;

CREATE TRIGGER "Membership_memberCount_update" AFTER UPDATE OF "roleId" ON "Membership"
WHEN OLD."roleId" <> NEW."roleId" BEGIN
  UPDATE "Role" SET "memberCount" = "memberCount" - 1 WHERE "id" = OLD."roleId";
  UPDATE "Role" SET "memberCount" = "memberCount" + 1 WHERE "id" = NEW."roleId";
END;

-- Backfill
UPDATE "Role" SET "memberCount" = (SELECT COUNT(*) FROM "Membership" m WHERE m."roleId" = "Role"."id");
