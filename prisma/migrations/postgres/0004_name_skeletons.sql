-- AlterTable
ALTER TABLE "User" ADD COLUMN     "usernameSkeleton" TEXT;

-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "nameSkeleton" TEXT;

-- CreateIndex
CREATE INDEX "User_usernameSkeleton_tenantId_storeId_idx" ON "User"("usernameSkeleton", "tenantId", "storeId");

-- CreateIndex
CREATE INDEX "Role_nameSkeleton_tenantId_storeId_idx" ON "Role"("nameSkeleton", "tenantId", "storeId");

