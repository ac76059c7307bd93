import { z } from "zod";

/**
 * The connection properties of an external store, stored as JSON in UserStore.settings with
 * the secrets sealed (lib/stores/secrets.ts). Names follow WSO2's user store properties
 * (ReadOnlyLDAPUserStoreManager, ReadWriteLDAPUserStoreManager, JDBCUserStoreManager); the
 * comment after each field is WSO2's name, which gatehouse.toml also accepts.
 */
/** How many levels of groups in groups nestedGroups follows: deeper links are ignored, so a cycle or a very deep tree stays cheap. */
export const MAX_GROUP_NESTING = 10;
const timeoutMs = z.number().int().min(100).max(120_000);
const dn = z.string().trim().min(1).max(1024);
const attribute = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, "an LDAP attribute name (letters, digits, hyphens)");

export const ZLdapSettings = z.strictObject({
  /** ConnectionURL: one or more ldap:// or ldaps:// URLs, tried in order (failover). */
  urls: z
    .array(z.url({ protocol: /^ldaps?$/ }))
    .min(1)
    .max(8),
  /** ConnectionName / ConnectionPassword: the service account the store binds as. */
  bindDn: dn,
  bindPassword: z.string().min(1).max(1024),
  /** StartTLS on an ldap:// URL; ldaps:// URLs are TLS from the start. */
  startTls: z.boolean().default(false),
  /** A PEM file of the CA that signed the directory's certificate (none: the system's CAs). */
  caFile: z.string().min(1).max(1024).optional(),
  userSearchBase: dn, // UserSearchBase
  userNameAttribute: attribute.default("uid"), // UserNameAttribute
  userObjectClass: attribute.default("inetOrgPerson"), // UserEntryObjectClass
  /**
   * UserIDAttribute (WSO2's UniqueID LDAP user store managers; ImmutableAttributes): the
   * attribute that names a user or group for good, through renames and moves. entryUUID
   * (RFC 4530: OpenLDAP, 389 DS); objectGUID on Active Directory. An entry without it is named
   * by its DN (docs/ldap.md, Identities).
   */
  uniqueIdAttribute: attribute.default("entryUUID"),
  /** UserNameListFilter: which entries are users; ANDed with every search. */
  userListFilter: z.string().trim().min(3).max(1024).default("(objectClass=person)"),
  groupSearchBase: dn.optional(), // GroupSearchBase; no groups are read without it
  groupNameAttribute: attribute.default("cn"), // GroupNameAttribute
  groupObjectClass: attribute.default("groupOfNames"), // GroupEntryObjectClass
  /** MembershipAttribute: member / uniqueMember on the group, or memberOf on the user. */
  membershipAttribute: z.enum(["member", "uniqueMember", "memberOf"]).default("member"),
  /**
   * Nested groups: a group listed as a member of another group (or, with memberOf, a group
   * whose memberOf names another) gives its members the outer group too, to
   * MAX_GROUP_NESTING levels, cycles included. Off by default, as in WSO2, where a user's
   * roles are only the groups naming them.
   */
  nestedGroups: z.boolean().default(false),
  /**
   * Active Directory: passwords are written to unicodePwd (AD has no RFC 3062 Password Modify),
   * which AD accepts over an encrypted connection only (ldaps:// or StartTLS).
   */
  activeDirectory: z.boolean().default(false),
  connectTimeoutMs: timeoutMs.default(5_000), // LDAPConnectionTimeout
  readTimeoutMs: timeoutMs.default(10_000), // ReadTimeout
  pageSize: z.number().int().min(10).max(5_000).default(500), // MaxUserNameListLength's page
  /** Claim URI -> LDAP attribute (mail, givenName, sn, ...). */
  claimAttributes: z.record(z.string().min(1).max(200), attribute).default({
    "http://wso2.org/claims/emailaddress": "mail",
    "http://wso2.org/claims/givenname": "givenName",
    "http://wso2.org/claims/lastname": "sn",
  }),
  /** How often the mirror is refreshed from the directory, in minutes (0: only by hand). */
  syncIntervalMinutes: z.number().int().min(0).max(1440).default(15),
});

export const ZJdbcSettings = z.strictObject({
  /** url: a postgresql:// URL of the WSO2 user database (UM_USER, UM_ROLE, ...). */
  url: z.url({ protocol: /^postgres(ql)?$/ }),
  password: z.string().max(1024).optional(),
  /** The WSO2 tenant id whose rows this store reads (UM_TENANT_ID; -1234 is carbon.super). */
  wso2TenantId: z.number().int().default(-1234),
  /** PasswordDigest and StoreSaltedPassword, as WSO2's JDBCUserStoreManager. */
  passwordDigest: z.enum(["SHA-256", "SHA-1", "MD5", "PLAIN_TEXT"]).default("SHA-256"),
  storeSaltedPassword: z.boolean().default(true),
  /** CaseInsensitiveUsername: IS 5.10+ matches user names with LOWER() unless this is turned off. */
  caseInsensitiveUsername: z.boolean().default(true),
  /** DomainName: the store's domain in UM_DOMAIN, whose role permissions a role deletion clears. */
  domainName: z.string().trim().min(1).max(255).default("PRIMARY"),
  /** Claim URI -> UM_USER_ATTRIBUTE.UM_ATTR_NAME (the claim's mapped attribute in WSO2's claim dialect; IS defaults). */
  claimAttributes: z.record(z.string().min(1).max(200), z.string().trim().min(1).max(255)).default({
    "http://wso2.org/claims/userid": "scimId",
    "http://wso2.org/claims/username": "uid",
    "http://wso2.org/claims/emailaddress": "mail",
    "http://wso2.org/claims/givenname": "givenName",
    "http://wso2.org/claims/lastname": "sn",
  }),
  connectTimeoutMs: timeoutMs.default(5_000),
  readTimeoutMs: timeoutMs.default(10_000),
  pageSize: z.number().int().min(10).max(5_000).default(1_000),
  syncIntervalMinutes: z.number().int().min(0).max(1440).default(15),
});

export type LdapSettings = z.infer<typeof ZLdapSettings>;
export type JdbcSettings = z.infer<typeof ZJdbcSettings>;

/** The fields that are secrets: sealed at rest, never sent to a browser or printed by the CLI. */
export const SECRET_FIELDS = { ldap: ["bindPassword"], jdbc: ["password"] } as const satisfies Record<string, readonly string[]>;

export const EXTERNAL_STORE_TYPES = ["ldap", "jdbc"] as const;
export type ExternalStoreType = (typeof EXTERNAL_STORE_TYPES)[number];
