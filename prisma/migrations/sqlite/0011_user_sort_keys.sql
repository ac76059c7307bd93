-- Hand-written: Prisma cannot express triggers.
-- A narrow copy of each user's sort keys, (id, tenantId, storeId, usernameKey), read by rowid
-- for each match the FTS5 table "UserNameTrigram" finds (lib/user-stores/trigram-search.ts):
-- its B-tree is a fraction of "User"'s, so the lookups of a common match (`*ops*`, 50,000 at
-- 1M users) touch fewer pages. "id" is "User"."id", the FTS5 rowid.
--
-- Kept in the writing transaction by the triggers below; cascaded deletes (a tenant's, a
-- store's) fire them too.
CREATE TABLE "UserSortKey" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "tenantId" INTEGER NOT NULL,
    "storeId" INTEGER NOT NULL,
    "usernameKey" TEXT NOT NULL
);

CREATE TRIGGER "User_sortKey_insert" AFTER INSERT ON "User" BEGIN
  INSERT INTO "UserSortKey" ("id", "tenantId", "storeId", "usernameKey") VALUES (NEW."id", NEW."tenantId", NEW."storeId", NEW."usernameKey");
END;

CREATE TRIGGER "User_sortKey_delete" AFTER DELETE ON "User" BEGIN
  DELETE FROM "UserSortKey" WHERE "id" = OLD."id";
END;

CREATE TRIGGER "User_sortKey_update" AFTER UPDATE OF "id", "tenantId", "storeId", "usernameKey" ON "User" BEGIN
  UPDATE "UserSortKey" SET "id" = NEW."id", "tenantId" = NEW."tenantId", "storeId" = NEW."storeId", "usernameKey" = NEW."usernameKey"
    WHERE "id" = OLD."id";
END;

INSERT INTO "UserSortKey" ("id", "tenantId", "storeId", "usernameKey") SELECT "id", "tenantId", "storeId", "usernameKey" FROM "User";
