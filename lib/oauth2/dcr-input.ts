import { SUPPORTED_GRANTS } from "./lifetimes.ts";

// The DCR body and query schemas are in lib/contracts/oauth2.ts.
export type { TDeleteClient, TRegisterClient } from "../contracts/oauth2.ts";

/**
 * The grant types a client may use: the supported ones it asked for (all of them when it asked
 * for none). Others WSO2 knows (authorization_code, implicit, saml2-bearer, …) are dropped.
 */
export function clientGrants(requested: string | undefined): string[] {
  const asked = (requested ?? "").split(/\s+/).filter(Boolean);
  if (asked.length === 0) return [...SUPPORTED_GRANTS];
  const supported: readonly string[] = SUPPORTED_GRANTS;
  return [...new Set(asked.filter((g) => supported.includes(g)))];
}
