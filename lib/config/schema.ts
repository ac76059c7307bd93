import { z } from "zod";
import { DEFAULT_NAME_PATTERN } from "../stores/name-rules.ts";
import { ZSecondaryStores } from "./secondary-stores.ts";

const javaRegex = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => {
    try {
      new RegExp(s, "u");
      return true;
    } catch {
      return false;
    }
  }, "not a valid regular expression");
const minutes = (max: number) => z.number().int().min(1).max(max);

/**
 * gatehouse.toml. `[super_admin]` means what it means in WSO2's deployment.toml; the other
 * tables are Gatehouse's own. Every key is optional: a missing file is all the defaults.
 */
export const ZGatehouseConfig = z.strictObject({
  super_admin: z
    .strictObject({
      username: z.string().min(1).max(100).default("admin"),
      password: z.string().min(1).max(1024).default("admin"),
      // Domain-qualified like WSO2 ("Internal/admin"); without a domain it lives in PRIMARY.
      admin_role: z.string().min(1).max(100).default("admin"),
      create_admin_account: z.boolean().default(true),
    })
    .prefault({}),
  server: z
    .strictObject({
      // The address users type. Sign-in redirects and cross-site checks use it.
      public_url: z.url({ protocol: /^https?$/ }).optional(),
      // Only behind a reverse proxy that sets X-Forwarded-For, -Host and -Proto itself,
      // overwriting what clients send: then the origin check believes the host and protocol,
      // and the client address is the first X-Forwarded-For entry (lib/http/client-address.ts).
      trust_proxy_headers: z.boolean().default(false),
    })
    .prefault({}),
  session: z
    .strictObject({
      idle_timeout_minutes: minutes(24 * 60).default(15),
      // Management API tokens (the CLI, scripts) pause longer between calls than people do
      // between clicks; unset, they follow idle_timeout_minutes.
      api_idle_timeout_minutes: minutes(24 * 60).optional(),
      absolute_timeout_hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(8),
    })
    .prefault({}),
  lockout: z
    .strictObject({
      enabled: z.boolean().default(true),
      // Failures from one client address before that address is locked out of the account.
      // ASVS 2.2.1 allows at most 100 failures an hour; Gatehouse also enforces that ceiling itself.
      max_failed_attempts: z.number().int().min(1).max(100).default(5),
      // Failures from all addresses together before the whole account locks. Higher, so that one
      // anonymous address cannot lock an administrator out (Keycloak's and OWASP's advice).
      account_max_failed_attempts: z.number().int().min(1).max(100).default(20),
      initial_lock_minutes: minutes(24 * 60).default(5),
      lock_multiplier: z.number().min(1).max(10).default(2),
      max_lock_minutes: minutes(30 * 24 * 60).default(24 * 60),
    })
    .refine((l) => l.account_max_failed_attempts >= l.max_failed_attempts, {
      path: ["account_max_failed_attempts"],
      message: "must be at least max_failed_attempts",
    })
    .prefault({}),
  // Password checks (console sign-in, /management/login, the CLI) that fail, counted per
  // window in the database or Redis, so every instance shares them. A right password does not count.
  rate_limit: z
    .strictObject({
      enabled: z.boolean().default(true),
      // From one client address, over every account: stops spraying one password across accounts.
      per_address: z.number().int().min(1).max(1_000_000).default(20),
      // From all addresses together: bounds a spray from many addresses.
      global: z.number().int().min(1).max(1_000_000).default(300),
      window_seconds: z
        .number()
        .int()
        .min(1)
        .max(24 * 3600)
        .default(60),
    })
    .prefault({}),
  cache: z
    .strictObject({
      // Keeps the rate-limit counters in Redis instead of the database; optional.
      redis_url: z.url({ protocol: /^rediss?$/ }).optional(),
      // Lets several installations share one Redis.
      key_prefix: z.string().min(1).max(100).default("gatehouse"),
    })
    .prefault({}),
  // WSO2's UsernameJavaRegEx and RolenameJavaRegEx for the PRIMARY store; applied at every start.
  // `[[user_store.secondary]]` entries are secondary stores (LDAP, WSO2 JDBC), created or updated at start.
  user_store: z
    .strictObject({
      username_java_regex: javaRegex.default(DEFAULT_NAME_PATTERN),
      rolename_java_regex: javaRegex.default(DEFAULT_NAME_PATTERN),
      secondary: ZSecondaryStores,
    })
    .prefault({}),
  password_policy: z
    .strictObject({
      // ASVS 2.1.1 and 2.1.2: at least 12 characters, at least 64 allowed, no composition rules.
      min_length: z.number().int().min(8).max(128).default(12),
      max_length: z.number().int().min(64).max(1024).default(128),
    })
    .prefault({}),
  // Which WSO2 API Manager version's scope catalog the tenant has (lib/scopes/catalogs.ts).
  // Switching adds that version's new scopes with their default roles; no mapping is removed.
  apim: z
    .strictObject({
      scope_catalog: z.enum(["3.x", "4.2", "4.7"]).default("3.x"),
    })
    .prefault({}),
  // WSO2's [tenant_mgt] enable_email_domain (EnableEmailUserName): usernames may be email
  // addresses, so only the last "@" of a name with two or more splits off the tenant (docs/tenants.md).
  tenant_mgt: z
    .strictObject({
      enable_email_domain: z.boolean().default(false),
    })
    .prefault({}),
});

export type TGatehouseConfig = z.infer<typeof ZGatehouseConfig>;
