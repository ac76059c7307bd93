-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimAttribute" (
    "claimId" INTEGER NOT NULL,
    "storeId" INTEGER NOT NULL,
    "attribute" TEXT NOT NULL,

    CONSTRAINT "ClaimAttribute_pkey" PRIMARY KEY ("claimId","storeId")
);

-- CreateIndex
CREATE INDEX "Claim_tenantId_displayOrder_id_idx" ON "Claim"("tenantId", "displayOrder", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_tenantId_uri_key" ON "Claim"("tenantId", "uri");

-- CreateIndex
CREATE INDEX "ClaimAttribute_storeId_idx" ON "ClaimAttribute"("storeId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribute" ADD CONSTRAINT "ClaimAttribute_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimAttribute" ADD CONSTRAINT "ClaimAttribute_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "UserStore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

