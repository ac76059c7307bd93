/**
 * RFC 7009 revocation. An access token and its refresh token share one Session row, so revoking
 * either ends both. A token that is unknown, already over, or another client's is answered the
 * same way (200, nothing done), so the endpoint tells a caller nothing about other tokens.
 */
import { recordAudit } from "../audit/record.ts";
import type { Db } from "../db/client.ts";
import { revokeSessionById } from "../sessions/revoke-session.ts";
import { sessionIdFor } from "../sessions/secret.ts";
import type { AuthenticatedClient } from "./client-auth.ts";
import { verifyAccessToken } from "./jwt.ts";
import { hashSecret } from "./secrets.ts";

export async function revokeToken(client: Db, caller: AuthenticatedClient, token: string, ip: string): Promise<void> {
  const claims = await verifyAccessToken(client, token);
  const where = claims ? { sessionId: sessionIdFor(claims.secret) } : { refreshHash: hashSecret(token) };
  const row = await client.oAuthToken.findUnique({
    where,
    select: { sessionId: true, clientId: true, session: { select: { userId: true } } },
  });
  if (!row || row.clientId !== caller.id) return;
  await client.$transaction(async (tx) => {
    if (!(await revokeSessionById(tx, caller.tenantId, row.sessionId, `revoked by client ${caller.clientId}`))) return;
    await recordAudit(tx, {
      tenantId: caller.tenantId,
      actor: { id: null, name: `client ${caller.clientId}` },
      action: "oauth.token_revoked",
      target: { type: "session", id: row.sessionId.slice(0, 12) },
      ip,
    });
  });
}
