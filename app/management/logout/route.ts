import { clientIp } from "@/lib/http/client-address";
import { BEARER_CHALLENGE, miErrorResponse } from "@/lib/management/errors";
import { managementLogout } from "@/lib/management/login";
import { resolveManagementToken } from "@/lib/management/token";

/**
 * Ends the session behind the bearer token. Not a command: logging out needs no permission,
 * and a user who must still change the default password may log out too.
 */
export async function POST(request: Request): Promise<Response> {
  const header = request.headers.get("authorization");
  const principal = header?.toLowerCase().startsWith("bearer ") ? await resolveManagementToken(header.slice(7).trim()) : null;
  if (!principal) return miErrorResponse(401, "Log in to continue.", { "www-authenticate": BEARER_CHALLENGE });
  await managementLogout(principal, clientIp(Object.fromEntries(request.headers.entries())));
  return Response.json({ Message: "Logged out." });
}

// apictl's `mi logout` sends GET and forgets its credentials only on a 200
// (credentials/miCredentials.go, RevokeAccessTokenForMI), as the MI's LogoutResource accepts both.
export const GET = POST;
