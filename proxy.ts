import { NextResponse, type NextRequest } from "next/server";
import { edgeRefusal, forwardedHostForAction, malformedActionEnvelope } from "@/lib/transport/edge-guard";
import { originPolicy } from "@/lib/http/origin";
import { PATH_TENANT_HEADER, splitTenantPath } from "@/lib/transport/tenant-path";

/**
 * Runs before Next.js routes the request: refuses what Next.js would otherwise answer with a
 * 500 (lib/transport/edge-guard.ts). Authorization stays in defineRoute and defineAction.
 */
export async function proxy(request: NextRequest) {
  const refusal = edgeRefusal(request, originPolicy()) ?? (await malformedActionEnvelope(request));
  if (refusal) return NextResponse.json(refusal.body, { status: refusal.status });
  const forwardedHost = forwardedHostForAction(request);
  const tenantPath = splitTenantPath(request.nextUrl.pathname);
  if (!forwardedHost && !tenantPath) return NextResponse.next();
  const headers = new Headers(request.headers);
  if (forwardedHost) headers.set("x-forwarded-host", forwardedHost);
  if (!tenantPath) return NextResponse.next({ request: { headers } });
  // Not stripped from other requests: Next.js runs the proxy again on the rewritten address, and
  // a client that sends the header itself can only narrow what its own credentials reach.
  headers.set(PATH_TENANT_HEADER, tenantPath.tenant);
  const url = request.nextUrl.clone();
  url.pathname = tenantPath.path;
  return NextResponse.rewrite(url, { request: { headers } });
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // scripts/serve.mjs marks the GETs this function would pass on unchanged (plain ASCII
      // address, no %-escape, not /t/), and removes a mark a client sent.
      missing: [{ type: "header", key: "x-gatehouse-plain-get", value: "1" }],
    },
  ],
};
