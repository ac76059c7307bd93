import type { Tx } from "../db/client.ts";
import { auditOutcome, type AuditAction } from "./actions.ts";

export type AuditActor = { id: number | null; name: string };
export type AuditTarget = { type: string; id?: string | number | null; name?: string };

export type AuditInput = {
  tenantId: number;
  actor: AuditActor;
  action: AuditAction;
  target: AuditTarget;
  before?: unknown;
  after?: unknown;
  ip?: string;
};

export const SYSTEM_ACTOR: AuditActor = { id: null, name: "system" };

/** Appends one audit event inside the caller's transaction, so the trail matches what was written. */
export async function recordAudit(tx: Pick<Tx, "auditEvent">, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      tenantId: event.tenantId,
      actorId: event.actor.id,
      actorName: event.actor.name,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id == null ? null : String(event.target.id),
      targetName: event.target.name ?? "",
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      ip: event.ip ?? "",
      outcome: auditOutcome(event.action, event.after),
    },
  });
}
