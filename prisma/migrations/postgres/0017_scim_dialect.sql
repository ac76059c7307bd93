-- CreateTable
CREATE TABLE "ScimClaimMapping" (
    "tenantId" INTEGER NOT NULL,
    "attribute" TEXT NOT NULL,
    "claimUri" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimClaimMapping_pkey" PRIMARY KEY ("tenantId","attribute")
);

-- AddForeignKey
ALTER TABLE "ScimClaimMapping" ADD CONSTRAINT "ScimClaimMapping_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

