import { recordAudit } from "@/lib/audit/record";
import { clientIp } from "@/lib/http/client-address";
import { db } from "@/lib/db/client";
import { BEARER_CHALLENGE, miErrorResponse } from "@/lib/management/errors";
import { resolveManagementToken } from "@/lib/management/token";
import { revokeSessionById } from "@/lib/sessions/revoke-session";

/**
 * Ends the session behind the bearer token. Not a defineRoute handler: logging out needs no
 * permission, and a user who must still change the default password may log out too.
 */
export async function POST(request: Request): Promise<Response> {
  const header = request.headers.get("authorization");
  const principal = header?.toLowerCase().startsWith("bearer ") ? await resolveManagementToken(header.slice(7).trim()) : null;
  if (!principal) return miErrorResponse(401, "Log in to continue.", { "www-authenticate": BEARER_CHALLENGE });
  await db().$transaction(async (tx) => {
    if (!(await revokeSessionById(tx, principal.tenantId, principal.sessionId, "logged out"))) return;
    await recordAudit(tx, {
      tenantId: principal.tenantId,
      actor: { id: principal.userId, name: principal.displayName },
      action: "auth.signed_out",
      target: { type: "session", id: principal.sessionId.slice(0, 12), name: "api" },
      ip: clientIp(Object.fromEntries(request.headers.entries())),
    });
  });
  return Response.json({ Message: "Logged out." });
}

// apictl's `mi logout` sends GET and forgets its credentials only on a 200
// (credentials/miCredentials.go, RevokeAccessTokenForMI), as the MI's LogoutResource accepts both.
export const GET = POST;
