import { jwksEndpoint } from "@/lib/oauth2/jwks-endpoint";

export const dynamic = "force-dynamic";

/** The public key that verifies access tokens, with its `kid`. */
export const GET = jwksEndpoint;
