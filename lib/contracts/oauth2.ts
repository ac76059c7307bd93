/**
 * OAuth2 (/oauth2/*) and WSO2's client registration (DCR v0.17). The DCR endpoint parses its
 * body and query with these; /oauth2/token, revoke and introspect are parsed by
 * @node-oauth/oauth2-server from the form, so their request schemas here document the form only.
 * public/openapi/oauth2.json is generated from these (openapi/oauth2.ts).
 */
import { z } from "zod";

// Requests

/** WSO2's DCR body (client-registration v0.17). Unknown fields, such as `tokenScope`, are ignored as WSO2 does. */
export const ZRegisterClient = z
  .object({
    clientName: z.string().trim().min(1).max(100),
    callbackUrl: z.string().max(2000).optional(),
    owner: z.string().max(256).optional().meta({ description: "Must be the authenticated user" }),
    grantType: z.string().max(500).optional().meta({
      description: "Space-separated; password, client_credentials and refresh_token are supported, others are dropped. Absent: all three.",
    }),
    saasApp: z.boolean().optional(),
    // Accepted in any form and never read, as WSO2 does: named so the document shows it.
    tokenScope: z.unknown().optional().meta({ description: "Ignored" }),
  })
  .meta({ description: "Unknown fields, such as tokenScope, are ignored, as WSO2 ignores them." });
export type TRegisterClient = z.infer<typeof ZRegisterClient>;

export const ZDeleteClient = z
  .object({
    applicationName: z.string().min(1).max(100).optional().meta({ description: "The client's name" }),
    consumerKey: z.string().min(1).max(100).optional().meta({ description: "The client's id" }),
  })
  .refine((q) => q.applicationName !== undefined || q.consumerKey !== undefined, "Name the client with applicationName or consumerKey.");
export type TDeleteClient = z.infer<typeof ZDeleteClient>;

const clientCredentials = {
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
};
export const ZTokenRequest = z.object({
  grant_type: z.enum(["password", "client_credentials", "refresh_token"]),
  username: z.string().optional(),
  password: z.string().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  ...clientCredentials,
});
export const ZTokenOnly = z.object({ token: z.string(), token_type_hint: z.string().optional(), ...clientCredentials });

// Answers

export const ZRegisteredClient = z.object({
  clientId: z.string(),
  clientName: z.string(),
  callBackURL: z.string(),
  clientSecret: z.string(),
  isSaasApplication: z.boolean(),
  appOwner: z.string(),
  jsonString: z.string(),
  jsonAppAttribute: z.string(),
  tokenType: z.literal("JWT"),
});
export const ZTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  refresh_token: z.string().optional(),
  scope: z.string(),
});
export const ZOAuthError = z.looseObject({ error: z.string(), error_description: z.string() });
export const ZIntrospection = z.union([
  z.object({ active: z.literal(false) }),
  z.looseObject({
    active: z.literal(true),
    scope: z.string(),
    client_id: z.string(),
    username: z.string(),
    sub: z.string().optional(),
    aud: z.string().optional(),
    iss: z.string().optional(),
    token_type: z.enum(["Bearer", "refresh_token"]),
    exp: z.number().int(),
    iat: z.number().int().optional(),
    nbf: z.number().int().optional(),
  }),
]);
export const ZJwks = z.looseObject({
  keys: z
    .array(
      z
        .looseObject({
          kty: z.literal("EC"),
          crv: z.literal("P-256"),
          alg: z.literal("ES256"),
          use: z.literal("sig"),
          kid: z.string(),
          x: z.string(),
          y: z.string(),
        })
        .meta({ description: "Public keys only: never the private part d." }),
    )
    .min(1),
});
