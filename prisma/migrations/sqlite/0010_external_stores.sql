-- External user stores (#13): a store's type, its connection settings and whether it is
-- enabled; the mirror's bookkeeping on users and roles; one StoreSync row per external store.
-- ADD COLUMN, not a table rebuild: rebuilding "UserStore" would drop its AuthzVersion triggers.
ALTER TABLE "UserStore" ADD COLUMN "type" TEXT NOT NULL DEFAULT 'database';
ALTER TABLE "UserStore" ADD COLUMN "settings" TEXT;
ALTER TABLE "UserStore" ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "User" ADD COLUMN "externalId" TEXT;
ALTER TABLE "User" ADD COLUMN "syncGeneration" INTEGER;
ALTER TABLE "Role" ADD COLUMN "externalId" TEXT;
ALTER TABLE "Role" ADD COLUMN "syncGeneration" INTEGER;

CREATE TABLE "StoreSync" (
    "storeId" INTEGER NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL DEFAULT 'idle',
    "generation" INTEGER NOT NULL DEFAULT 0,
    "owner" TEXT,
    "heartbeatAt" DATETIME,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "usersSeen" INTEGER NOT NULL DEFAULT 0,
    "groupsSeen" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    CONSTRAINT "StoreSync_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "UserStore" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "User_storeId_externalId_key" ON "User"("storeId", "externalId");
CREATE UNIQUE INDEX "Role_storeId_externalId_key" ON "Role"("storeId", "externalId");

-- Disabling or enabling a store changes who may hold a session: cached principals must go.
DROP TRIGGER "AuthzVersion_store_update";
CREATE TRIGGER "AuthzVersion_store_update" AFTER UPDATE OF "domain", "enabled" ON "UserStore"
WHEN OLD."domain" IS NOT NEW."domain" OR OLD."enabled" IS NOT NEW."enabled" BEGIN
    UPDATE "AuthzVersion" SET "version" = "version" + 1 WHERE "tenantId" = NEW."tenantId";
END;
