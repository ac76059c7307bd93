-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastAttemptAt" DATETIME;

-- CreateTable
CREATE TABLE "AddressLockout" (
    "tenantId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "lastAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "address"),
    CONSTRAINT "AddressLockout_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AddressLockout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "AddressLockout_tenantId_lastAttemptAt_idx" ON "AddressLockout"("tenantId", "lastAttemptAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_expire_idx" ON "RateLimitCounter"("expire");

