-- CreateTable
CREATE TABLE "TenantConfDocument" (
    "tenantId" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TenantConfDocument_pkey" PRIMARY KEY ("tenantId")
);

-- AddForeignKey
ALTER TABLE "TenantConfDocument" ADD CONSTRAINT "TenantConfDocument_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

