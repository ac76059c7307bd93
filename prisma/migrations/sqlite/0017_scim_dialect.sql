-- CreateTable
CREATE TABLE "ScimClaimMapping" (
    "tenantId" INTEGER NOT NULL,
    "attribute" TEXT NOT NULL,
    "claimUri" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("tenantId", "attribute"),
    CONSTRAINT "ScimClaimMapping_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

