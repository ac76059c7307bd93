import type { Db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { accountActionBlocker } from "../authz/escalation.ts";
import { loadSubjectRoles, type Principal } from "../authz/principal.ts";
import { AppError } from "../errors.ts";
import { qualifiedName } from "../core/domains.ts";
import { revokeSessionById } from "./revoke-session.ts";

/** An admin terminates a session. It is refused on its holder's very next request. */
export async function terminateSession(client: Db, principal: Principal, sessionId: string, ip = ""): Promise<{ user: string }> {
  return client.$transaction(async (tx) => {
    const session = await tx.session.findFirst({
      where: { id: sessionId, tenantId: principal.tenantId },
      select: { kind: true, user: { select: { id: true, username: true, store: { select: { domain: true } } } } },
    });
    if (!session) throw new AppError("NOT_FOUND", "That session does not exist.");
    const user = qualifiedName(session.user.store.domain, session.user.username);
    const held = await loadSubjectRoles(tx, principal.tenantId, session.user.id);
    const blocker = accountActionBlocker(principal, { name: user, grants: held.grants });
    if (blocker) throw new AppError("FORBIDDEN", blocker);
    if (!(await revokeSessionById(tx, principal.tenantId, sessionId, `revoked by ${principal.displayName}`))) {
      throw new AppError("CONFLICT", "That session had already ended.");
    }
    await recordAudit(tx, {
      tenantId: principal.tenantId,
      actor: { id: principal.userId, name: principal.displayName },
      action: "session.revoked",
      target: { type: "session", id: sessionId.slice(0, 12), name: user },
      after: { kind: session.kind },
      ip,
    });
    return { user };
  });
}
