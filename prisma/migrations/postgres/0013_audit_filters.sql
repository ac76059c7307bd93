-- DropIndex
DROP INDEX "AuditEvent_tenantId_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_tenantId_action_at_idx";

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'success';

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_at_id_idx" ON "AuditEvent"("tenantId", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_action_at_id_idx" ON "AuditEvent"("tenantId", "action", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_actorName_at_id_idx" ON "AuditEvent"("tenantId", "actorName", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_targetName_at_id_idx" ON "AuditEvent"("tenantId", "targetName", "at", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_outcome_at_id_idx" ON "AuditEvent"("tenantId", "outcome", "at", "id");


-- Hand-written: events recorded before the column existed get their outcome from the action
-- (lib/audit/actions.ts, FAILURE_ACTIONS) or a failed store test or sync ({"ok":false,…}).
UPDATE "AuditEvent" SET "outcome" = 'failure'
WHERE "action" IN ('auth.sign_in_failed', 'auth.address_locked', 'auth.account_locked')
   OR ("action" IN ('store.tested', 'store.synced') AND "after" LIKE '%"ok":false%');
