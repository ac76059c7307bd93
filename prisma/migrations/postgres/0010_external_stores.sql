-- External user stores (#13): a store's type, its connection settings and whether it is
-- enabled; the mirror's bookkeeping on users and roles; one StoreSync row per external store.
ALTER TABLE "UserStore" ADD COLUMN "type" TEXT NOT NULL DEFAULT 'database',
ADD COLUMN "settings" TEXT,
ADD COLUMN "enabled" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "User" ADD COLUMN "externalId" TEXT,
ADD COLUMN "syncGeneration" INTEGER;
ALTER TABLE "Role" ADD COLUMN "externalId" TEXT,
ADD COLUMN "syncGeneration" INTEGER;

CREATE TABLE "StoreSync" (
    "storeId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'idle',
    "generation" INTEGER NOT NULL DEFAULT 0,
    "owner" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "usersSeen" INTEGER NOT NULL DEFAULT 0,
    "groupsSeen" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "StoreSync_pkey" PRIMARY KEY ("storeId")
);

CREATE UNIQUE INDEX "User_storeId_externalId_key" ON "User"("storeId", "externalId");
CREATE UNIQUE INDEX "Role_storeId_externalId_key" ON "Role"("storeId", "externalId");

ALTER TABLE "StoreSync" ADD CONSTRAINT "StoreSync_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "UserStore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Disabling or enabling a store changes who may hold a session: cached principals must go.
DROP TRIGGER "AuthzVersion_store_update" ON "UserStore";
CREATE CONSTRAINT TRIGGER "AuthzVersion_store_update" AFTER UPDATE OF "domain", "enabled" ON "UserStore"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD."domain" IS DISTINCT FROM NEW."domain" OR OLD."enabled" IS DISTINCT FROM NEW."enabled")
    EXECUTE FUNCTION "authz_version_by_tenant"();
