-- DropIndex
DROP INDEX "User_tenantId_usernameKey_idx";

-- CreateIndex
CREATE INDEX "User_tenantId_usernameKey_id_idx" ON "User"("tenantId", "usernameKey", "id");

-- CreateIndex
CREATE INDEX "User_tenantId_createdAt_id_idx" ON "User"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Role_tenantId_nameKey_id_idx" ON "Role"("tenantId", "nameKey", "id");

