import type { BearerResolver } from "../transport/route.ts";
import { db } from "../db/client.ts";
import { resolveManagementToken } from "../management/token.ts";
import { liveAccessToken } from "./token-state.ts";

/** OAuth2 access tokens from /oauth2/token. The principal carries the token's current scopes. */
export const resolveOAuthToken: BearerResolver = async (token) => (await liveAccessToken(db(), token))?.principal ?? null;

/** The APIM admin API takes both: a /management token (gh1.…) or an OAuth2 JWT. */
export const resolveApimBearer: BearerResolver = (token) =>
  token.startsWith("gh1.") ? resolveManagementToken(token) : resolveOAuthToken(token);
