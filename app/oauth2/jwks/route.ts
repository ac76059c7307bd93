import { db } from "@/lib/db/client";
import { jwks } from "@/lib/oauth2/keys";

export const dynamic = "force-dynamic";

/** The public key that verifies access tokens, with its `kid`. */
export async function GET(): Promise<Response> {
  return Response.json(await jwks(db()), { headers: { "cache-control": "public, max-age=300" } });
}
