-- CreateTable
CREATE TABLE "Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" INTEGER NOT NULL,
    "uri" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "regEx" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "supportedByDefault" BOOLEAN NOT NULL DEFAULT false,
    "displayOrder" INTEGER NOT NULL DEFAULT 0,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimAttribute" (
    "claimId" INTEGER NOT NULL,
    "storeId" INTEGER NOT NULL,
    "attribute" TEXT NOT NULL,

    PRIMARY KEY ("claimId", "storeId"),
    CONSTRAINT "ClaimAttribute_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimAttribute_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "UserStore" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Claim_tenantId_displayOrder_id_idx" ON "Claim"("tenantId", "displayOrder", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_tenantId_uri_key" ON "Claim"("tenantId", "uri");

-- CreateIndex
CREATE INDEX "ClaimAttribute_storeId_idx" ON "ClaimAttribute"("storeId");

