-- #14 account controls: an administrator's disable (Gatehouse-side, for every store's users),
-- the last sign-in (written by the sign-in's own transaction), and the index a user's Events
-- tab pages by (newest first, keyset on id).
-- AlterTable
ALTER TABLE "User" ADD COLUMN "disabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "lastSignInAt" DATETIME;

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_targetType_targetId_id_idx" ON "AuditEvent"("tenantId", "targetType", "targetId", "id");

