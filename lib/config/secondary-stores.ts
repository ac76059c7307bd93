import { z } from "zod";
import { ZStoreDomain } from "../stores/store-domain.ts";
import { ZJdbcSettings, ZLdapSettings, type ExternalStoreType } from "../user-stores/external/settings.ts";

/**
 * `[[user_store.secondary]]` in gatehouse.toml: secondary user stores, written the way WSO2's
 * deployment.toml writes its `[user_store]` (type, connection_url, connection_name,
 * connection_password, and WSO2's property names under `.properties`), since WSO2 itself keeps
 * secondary stores in per-domain XML files. Start-up creates or updates each (lib/provisioning).
 * `$env{NAME}` in a value reads the environment variable NAME, as in deployment.toml.
 */
const WSO2_TYPES = { read_only_ldap: "ldap", read_write_ldap: "ldap", database_unique_id: "jdbc", database: "jdbc" } as const;

/** WSO2's property name -> Gatehouse's settings field. Gatehouse's own field names are accepted too. */
const LDAP_PROPERTIES: Record<string, string> = {
  ConnectionURL: "urls",
  ConnectionName: "bindDn",
  ConnectionPassword: "bindPassword",
  StartTLSEnabled: "startTls",
  UserSearchBase: "userSearchBase",
  UserNameAttribute: "userNameAttribute",
  UserEntryObjectClass: "userObjectClass",
  UserIDAttribute: "uniqueIdAttribute",
  UserNameListFilter: "userListFilter",
  GroupSearchBase: "groupSearchBase",
  GroupNameAttribute: "groupNameAttribute",
  GroupEntryObjectClass: "groupObjectClass",
  MembershipAttribute: "membershipAttribute",
  LDAPConnectionTimeout: "connectTimeoutMs",
  ReadTimeout: "readTimeoutMs",
};
const JDBC_PROPERTIES: Record<string, string> = {
  url: "url",
  password: "password",
  PasswordDigest: "passwordDigest",
  StoreSaltedPassword: "storeSaltedPassword",
};

const ZSecondaryStoreToml = z.strictObject({
  domain: ZStoreDomain,
  type: z.enum(Object.keys(WSO2_TYPES) as [keyof typeof WSO2_TYPES, ...(keyof typeof WSO2_TYPES)[]]),
  description: z.string().max(500).default(""),
  // For database stores (WSO2's ReadOnly property); LDAP stores take it from their type.
  read_only: z.boolean().optional(),
  enabled: z.boolean().default(true),
  connection_url: z.string().min(1).max(4096),
  connection_name: z.string().min(1).max(1024).optional(),
  connection_password: z.string().max(1024).optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
});

export type SecondaryStoreConfig = {
  domain: string;
  type: ExternalStoreType;
  readOnly: boolean;
  description: string;
  enabled: boolean;
  settings: Record<string, unknown>;
};

export const ZSecondaryStores = z
  .array(ZSecondaryStoreToml.transform(toStoreConfig))
  .default([])
  .superRefine((stores, ctx) => {
    stores.forEach((store, index) => {
      if (stores.findIndex((other) => other.domain === store.domain) < index) {
        ctx.addIssue({ code: "custom", message: `${store.domain} is configured twice`, path: [index, "domain"], input: store.domain });
      }
    });
  });

function toStoreConfig(entry: z.infer<typeof ZSecondaryStoreToml>, ctx: z.RefinementCtx): SecondaryStoreConfig {
  const type = WSO2_TYPES[entry.type];
  // Where each settings field came from, so a bad value is reported at its own line.
  const origin = new Map<string, (string | number)[]>();
  const raw: Record<string, unknown> = {};
  const put = (field: string, value: unknown, from: (string | number)[]) => {
    raw[field] = withEnv(value, from, ctx);
    origin.set(field, from);
  };
  if (type === "ldap") {
    put("urls", entry.connection_url.split(/[\s,]+/).filter(Boolean), ["connection_url"]);
    if (entry.connection_name !== undefined) put("bindDn", entry.connection_name, ["connection_name"]);
    if (entry.connection_password !== undefined) put("bindPassword", entry.connection_password, ["connection_password"]);
  } else {
    put("url", entry.connection_url, ["connection_url"]);
    if (entry.connection_password !== undefined) put("password", entry.connection_password, ["connection_password"]);
  }
  const names = type === "ldap" ? LDAP_PROPERTIES : JDBC_PROPERTIES;
  const fields = new Set(Object.keys((type === "ldap" ? ZLdapSettings : ZJdbcSettings).shape));
  for (const [key, value] of Object.entries(entry.properties)) {
    const field = names[key] ?? (fields.has(key) ? key : undefined);
    if (!field) {
      ctx.addIssue({ code: "custom", message: "unknown property", path: ["properties", key], input: value });
      continue;
    }
    put(field, field === "urls" && typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : coerce(value), ["properties", key]);
  }
  const parsed = (type === "ldap" ? ZLdapSettings : ZJdbcSettings).safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      ctx.addIssue({
        code: "custom",
        message: origin.has(field) ? issue.message : `${field}: ${issue.message}`,
        path: [...(origin.get(field) ?? [])],
        input: raw[field],
      });
    }
    return z.NEVER;
  }
  const readOnly = entry.type === "read_only_ldap" ? true : entry.type === "read_write_ldap" ? false : (entry.read_only ?? false);
  return { domain: entry.domain, type, readOnly, description: entry.description, enabled: entry.enabled, settings: parsed.data };
}

/** WSO2 writes every property as a string: "true", "5000". */
function coerce(value: unknown): unknown {
  if (value === "true" || value === "false") return value === "true";
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return value;
}

function withEnv(value: unknown, from: (string | number)[], ctx: z.RefinementCtx): unknown {
  if (typeof value !== "string") return value;
  return value.replace(/\$env\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const found = process.env[name];
    if (found === undefined)
      ctx.addIssue({ code: "custom", message: `the environment variable ${name} is not set`, path: [...from], input: value });
    return found ?? "";
  });
}
