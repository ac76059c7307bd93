/**
 * WSO2 API Manager's admin REST API v4 (/api/am/admin/v4): system scopes, role aliases, role
 * existence and tenant-conf.json. `count` is accepted and ignored on input (APIM clients send
 * it), and a scope's description and tag are read-only: a PUT changes roles only.
 * public/openapi/apim-admin-v4.json is generated from these (openapi/apim-admin.ts).
 */
import { z } from "zod";

/** Names as the scope mapping commands take them (lib/scopes/mapping-input.ts re-exports these). */
export const ZRoleName = z.string().trim().min(1, "Role name is required.").max(300);
export const ZScopeName = z.string().trim().min(1, "Scope name is required.").max(200);
/** A yes/no query flag: "true"/"false" in a URL, a boolean from lib calls. */
const flag = (description: string) =>
  z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .meta({ description, default: false })
    .default(false);

// Requests

export const ZScopeUpdate = z.object({
  name: ZScopeName,
  description: z.string().optional(),
  tag: z.string().optional(),
  roles: z.array(ZRoleName).max(1000),
});
export const ZScopeListBody = z.object({ count: z.number().int().min(0).optional(), list: z.array(ZScopeUpdate).max(1000) });
export const ZRoleAliasListBody = z.object({
  count: z.number().int().min(0).optional(),
  list: z.array(z.object({ role: ZRoleName, aliases: z.array(ZRoleName).max(1000) })).max(1000),
});
export const ZScopeHolderQuery = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .meta({ description: "DOMAIN/user or a bare PRIMARY user; the caller when omitted." }),
});
export const ZTenantConfigQuery = z.object({
  addUnknownScopes: flag("Add the body's unknown scopes to the catalog, with the body's roles."),
  createAliasRoles: flag("Create RoleMappings alias roles that do not exist yet (no permissions, no members)."),
  skipUnknown: flag("Skip the remaining unknown roles and scopes instead of refusing the body."),
});
/** Any JSON object: the route checks it against WSO2's tenant-config-schema.json itself, naming every fault by path. */
export const ZTenantConfigBody = z.record(z.string(), z.unknown());

// Answers

export const ZScope = z.object({
  name: z.string().meta({ examples: ["apim:api_view"] }),
  description: z.string(),
  tag: z.enum(["admin", "publisher", "devportal", "analytics", "service_catalog"]),
  roles: z.array(z.string()).meta({ examples: [["admin", "Internal/creator"]] }),
});
export const ZScopeList = z.object({ count: z.number().int().min(0), list: z.array(ZScope) });
export const ZScopeSettings = z.object({ name: z.string() });
export const ZRoleAlias = z.object({
  role: z.string().meta({ examples: ["Internal/creator"] }),
  aliases: z.array(z.string()).meta({ examples: [["creator"]] }),
});
export const ZRoleAliasList = z.object({ count: z.number().int().min(0), list: z.array(ZRoleAlias) });
export const ZTenantConfig = z
  .looseObject({
    RESTAPIScopes: z.looseObject({
      Scope: z.array(z.looseObject({ Name: z.string(), Roles: z.string().meta({ description: "Comma-separated WSO2 role names." }) })),
    }),
    RoleMappings: z
      .record(z.string(), z.string())
      .optional()
      .meta({
        description:
          "Target role -> the target itself, then its aliases, comma-separated. Always present in answers; " +
          "optional in a PUT, where leaving it out keeps the aliases.",
      }),
  })
  .meta({
    description:
      "A WSO2 tenant-conf.json. RESTAPIScopes and RoleMappings are the tenant's scope mapping; every other key is kept as the last import or PUT brought it (keys WSO2's tenant-config-schema.json requires and no import brought come from APIM 4.2.0's default file).",
  });

/** APIM's error body, also DCR's (lib/transport/apim-error.ts writes it). */
export const ZApimError = z.object({
  code: z
    .number()
    .int()
    .meta({ examples: [404] }),
  message: z.string().meta({ examples: ["Not Found"] }),
  description: z.string(),
});
