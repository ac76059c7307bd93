import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { revokeSessionById } from "../sessions/revoke-session.ts";
import { sessionIdFor } from "../sessions/secret.ts";

/**
 * Ends the console session whose secret the cookie carried: revoked in the database (so the
 * very next request with that cookie is signed out, wherever it was copied) and audited.
 * Nothing happens for a secret with no open session.
 */
export async function endConsoleSession(sid: string, ip?: string): Promise<void> {
  const id = sessionIdFor(sid);
  const session = await db().session.findUnique({ where: { id }, include: { user: { select: { username: true } } } });
  if (!session) return;
  await db().$transaction(async (tx) => {
    if (!(await revokeSessionById(tx, session.tenantId, id, "signed out"))) return;
    await recordAudit(tx, {
      tenantId: session.tenantId,
      actor: { id: session.userId, name: session.user.username },
      action: "auth.signed_out",
      target: { type: "session", id: id.slice(0, 12), name: session.kind },
      ...(ip ? { ip } : {}),
    });
  });
}
