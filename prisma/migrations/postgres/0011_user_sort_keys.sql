-- Hand-written: Prisma cannot express triggers or operator classes.
-- A narrow copy of each user's sort keys, (id, tenantId, storeId, usernameKey), with its own
-- trigram index, for searches like `*ops*` whose matches are too many to fetch from "User"
-- row by row (lib/user-stores/trigram-search.ts). A bitmap scan of this table reads ~7,000
-- pages at 1M users where the same scan of "User" reads most of its ~28,000, and a top-N
-- sort of the matches' keys then picks the page.
--
-- Kept in the writing transaction: an insert trigger per statement (a bulk insert copies its
-- rows in one INSERT ... SELECT), an update trigger per row that changed a key (a rename,
-- a move to another store), and the foreign key's ON DELETE CASCADE for deletes, including
-- those cascaded from a tenant or store. The foreign key also makes `TRUNCATE "User" CASCADE`
-- clear the copy.
CREATE TABLE "UserSortKey" (
    "id" INTEGER NOT NULL,
    "tenantId" INTEGER NOT NULL,
    "storeId" INTEGER NOT NULL,
    "usernameKey" TEXT NOT NULL,

    CONSTRAINT "UserSortKey_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "UserSortKey_id_fkey" FOREIGN KEY ("id") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE FUNCTION "gatehouse_user_sort_key_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "UserSortKey" ("id", "tenantId", "storeId", "usernameKey") SELECT "id", "tenantId", "storeId", "usernameKey" FROM added;
  RETURN NULL;
END $$;

-- By then ON UPDATE CASCADE has already moved the copy to a changed NEW."id".
CREATE FUNCTION "gatehouse_user_sort_key_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "UserSortKey" SET "tenantId" = NEW."tenantId", "storeId" = NEW."storeId", "usernameKey" = NEW."usernameKey"
    WHERE "id" = NEW."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "User_sortKey_insert" AFTER INSERT ON "User"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "gatehouse_user_sort_key_insert"();

CREATE TRIGGER "User_sortKey_update" AFTER UPDATE OF "tenantId", "storeId", "usernameKey" ON "User"
  FOR EACH ROW WHEN ((OLD."tenantId", OLD."storeId", OLD."usernameKey") IS DISTINCT FROM (NEW."tenantId", NEW."storeId", NEW."usernameKey"))
  EXECUTE FUNCTION "gatehouse_user_sort_key_update"();

-- Backfill, then the index (one build instead of an update per row).
INSERT INTO "UserSortKey" ("id", "tenantId", "storeId", "usernameKey") SELECT "id", "tenantId", "storeId", "usernameKey" FROM "User";

CREATE INDEX "UserSortKey_usernameKey_trgm_idx" ON "UserSortKey" USING gin ("usernameKey" gin_trgm_ops);
