-- Hand-written (the generator rebuilds the table, which would drop nothing today but is
-- refused on SQLite by docs/development.md): a column and new indexes.
ALTER TABLE "AuditEvent" ADD COLUMN "outcome" TEXT NOT NULL DEFAULT 'success';

-- The old indexes were (tenantId, at) and (tenantId, action, at); each filter now has its own
-- index ending in the keyset (at, id). On SQLite id is the rowid, which every index ends in
-- anyway; it is spelled out so both databases share one schema.
DROP INDEX "AuditEvent_tenantId_at_idx";
DROP INDEX "AuditEvent_tenantId_action_at_idx";
CREATE INDEX "AuditEvent_tenantId_at_id_idx" ON "AuditEvent"("tenantId", "at", "id");
CREATE INDEX "AuditEvent_tenantId_action_at_id_idx" ON "AuditEvent"("tenantId", "action", "at", "id");
CREATE INDEX "AuditEvent_tenantId_actorName_at_id_idx" ON "AuditEvent"("tenantId", "actorName", "at", "id");
CREATE INDEX "AuditEvent_tenantId_targetName_at_id_idx" ON "AuditEvent"("tenantId", "targetName", "at", "id");
CREATE INDEX "AuditEvent_tenantId_outcome_at_id_idx" ON "AuditEvent"("tenantId", "outcome", "at", "id");

-- Hand-written: events recorded before the column existed get their outcome from the action
-- (lib/audit/actions.ts, FAILURE_ACTIONS) or a failed store test or sync ({"ok":false,…}).
UPDATE "AuditEvent" SET "outcome" = 'failure'
WHERE "action" IN ('auth.sign_in_failed', 'auth.address_locked', 'auth.account_locked')
   OR ("action" IN ('store.tested', 'store.synced') AND "after" LIKE '%"ok":false%');
