import { db } from "../db/client.ts";
import { jwks } from "./keys.ts";

/** GET /oauth2/jwks: the public key that verifies access tokens, with its `kid`. Public and cacheable. */
export async function jwksEndpoint(): Promise<Response> {
  return Response.json(await jwks(db()), { headers: { "cache-control": "public, max-age=300" } });
}
