import { NextResponse, type NextRequest } from "next/server";
import { cookieSessionSecret, SESSION_COOKIE_NAMES } from "@/lib/auth/current-principal";
import { endConsoleSession } from "@/lib/auth/sign-out";
import { clientIp } from "@/lib/http/client-address";
import { isSameOrigin } from "@/lib/http/origin";
import { FLASH_COOKIE, FLASH_COOKIE_OPTIONS } from "@/components/ui/flash";

/**
 * The console's Sign out button: a plain form post, so the shell ships no sign-in library and
 * the button works before (or without) JavaScript. Not a command: ending one's own session needs
 * no permission, and a user who must still change the default password may sign out too. The
 * 303 to /login is a full page load on purpose: no page state of the signed-out user survives.
 */
export async function POST(request: NextRequest): Promise<Response> {
  // proxy.ts refuses cross-site posts to every page path already; checked here too, since a
  // forged post would sign the victim out.
  if (!isSameOrigin(request.headers, request.url)) {
    return NextResponse.json({ code: "FORBIDDEN", message: "Cross-site requests are refused. Nothing was changed." }, { status: 403 });
  }
  const sid = await cookieSessionSecret();
  if (sid) await endConsoleSession(sid, clientIp(Object.fromEntries(request.headers.entries())));
  const response = new NextResponse(null, { status: 303, headers: { location: "/login" } });
  // /login confirms it with a toast (components/ui/flash.ts).
  if (sid) response.cookies.set(FLASH_COOKIE, "You are signed out.", FLASH_COOKIE_OPTIONS);
  for (const name of SESSION_COOKIE_NAMES.filter((cookie) => request.cookies.has(cookie))) {
    // A __Secure- cookie is only replaced by a Secure one.
    response.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  return response;
}
