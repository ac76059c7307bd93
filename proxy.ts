import { NextResponse, type NextRequest } from "next/server";
import { edgeRefusal, forwardedHostForAction, malformedActionEnvelope } from "@/lib/transport/edge-guard";
import { originPolicy } from "@/lib/http/origin";

/**
 * Runs before Next.js routes the request: refuses what Next.js would otherwise answer with a
 * 500 (lib/transport/edge-guard.ts). Authorization stays in defineRoute and defineAction.
 */
export async function proxy(request: NextRequest) {
  const refusal = edgeRefusal(request, originPolicy()) ?? (await malformedActionEnvelope(request));
  if (refusal) return NextResponse.json(refusal.body, { status: refusal.status });
  const forwardedHost = forwardedHostForAction(request);
  if (forwardedHost) {
    const headers = new Headers(request.headers);
    headers.set("x-forwarded-host", forwardedHost);
    return NextResponse.next({ request: { headers } });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
