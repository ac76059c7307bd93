import type { Tx } from "../db/client.ts";

/** WSO2's local claim dialect: every local claim's URI starts with this. */
export const LOCAL_DIALECT = "http://wso2.org/claims";

export type BuiltinClaim = {
  uri: string;
  displayName: string;
  description: string;
  regEx?: string;
  readOnly?: boolean;
  supportedByDefault?: boolean;
  displayOrder: number;
  /** The LDAP attribute WSO2's claim-config.xml maps it to (shown as a hint; stores map their own). */
  attribute: string;
};

// From WSO2 IS's claim-config.xml (local dialect): URIs, display names, descriptions, LDAP
// attributes and flags. Two deliberate differences (docs/claims.md): no built-in claim is
// Required, so the profiles saved before claims were data stay saveable, and the six profile
// claims keep the console's labels and order. Account state and last login are Gatehouse's own
// columns, shown read-only; username is the user's name, never a stored value.
export const BUILTIN_CLAIMS: readonly BuiltinClaim[] = [
  { uri: `${LOCAL_DIALECT}/username`, displayName: "Username", description: "Username", readOnly: true, displayOrder: 0, attribute: "uid" },
  {
    uri: `${LOCAL_DIALECT}/givenname`,
    displayName: "First name",
    description: "First Name",
    supportedByDefault: true,
    displayOrder: 1,
    attribute: "givenName",
  },
  {
    uri: `${LOCAL_DIALECT}/lastname`,
    displayName: "Last name",
    description: "Last Name",
    supportedByDefault: true,
    displayOrder: 2,
    attribute: "sn",
  },
  {
    uri: `${LOCAL_DIALECT}/emailaddress`,
    displayName: "Email",
    description: "Email Address",
    // WSO2's says local part, @, dotted domain with nested quantifiers, which backtrack
    // exponentially on a long near-miss; this one says the same in linear time.
    regEx: String.raw`^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$`,
    supportedByDefault: true,
    displayOrder: 3,
    attribute: "mail",
  },
  {
    uri: `${LOCAL_DIALECT}/organization`,
    displayName: "Organization",
    description: "Organization",
    supportedByDefault: true,
    displayOrder: 4,
    attribute: "organizationName",
  },
  {
    uri: `${LOCAL_DIALECT}/country`,
    displayName: "Country",
    description: "Country",
    supportedByDefault: true,
    displayOrder: 5,
    attribute: "country",
  },
  {
    uri: `${LOCAL_DIALECT}/telephone`,
    displayName: "Telephone",
    description: "Telephone",
    supportedByDefault: true,
    displayOrder: 6,
    attribute: "telephoneNumber",
  },
  { uri: `${LOCAL_DIALECT}/mobile`, displayName: "Mobile", description: "Mobile", displayOrder: 7, attribute: "mobile" },
  {
    uri: `${LOCAL_DIALECT}/streetaddress`,
    displayName: "Address - Street",
    description: "Address - Street",
    displayOrder: 8,
    attribute: "streetAddress",
  },
  { uri: `${LOCAL_DIALECT}/locality`, displayName: "Locality", description: "Locality", displayOrder: 9, attribute: "localityName" },
  { uri: `${LOCAL_DIALECT}/postalcode`, displayName: "Postal Code", description: "Postal Code", displayOrder: 10, attribute: "postalCode" },
  { uri: `${LOCAL_DIALECT}/url`, displayName: "URL", description: "URL", displayOrder: 11, attribute: "url" },
  {
    uri: `${LOCAL_DIALECT}/identity/accountLocked`,
    displayName: "Account Locked",
    description: "Status of the account",
    readOnly: true,
    displayOrder: 20,
    attribute: "accountLock",
  },
  {
    uri: `${LOCAL_DIALECT}/identity/accountDisabled`,
    displayName: "Account Disabled",
    description: "Account Disabled",
    readOnly: true,
    displayOrder: 21,
    attribute: "ref",
  },
  {
    uri: `${LOCAL_DIALECT}/identity/lastLoginTime`,
    displayName: "Last Login",
    description: "Last Login Time",
    readOnly: true,
    displayOrder: 22,
    attribute: "carLicense",
  },
];

const BUILTIN_URIS = BUILTIN_CLAIMS.map((c) => c.uri);

/**
 * Creates the built-in claims a tenant lacks; never changes one an admin edited. Provisioning
 * calls it for every tenant at every start, so databases from before migration 0015 get them too.
 */
export async function ensureBuiltinClaims(tx: Tx, tenantIds: readonly number[], created: string[]): Promise<void> {
  if (tenantIds.length === 0) return;
  // One grouped count over every tenant answers "complete?" for all of them: no list of tenant
  // ids as parameters, which SQLite caps (a start with 1,000 tenants failed on it).
  const counts = await tx.claim.groupBy({ by: ["tenantId"], where: { uri: { in: BUILTIN_URIS } }, _count: { _all: true } });
  const complete = new Set(counts.filter((c) => c._count._all === BUILTIN_URIS.length).map((c) => c.tenantId));
  for (const tenantId of tenantIds.filter((id) => !complete.has(id))) {
    const have = new Set(
      (await tx.claim.findMany({ where: { tenantId, uri: { in: BUILTIN_URIS } }, select: { uri: true } })).map((c) => c.uri),
    );
    const missing = BUILTIN_CLAIMS.filter((c) => !have.has(c.uri));
    if (missing.length === 0) continue;
    await tx.claim.createMany({
      data: missing.map((c) => ({
        tenantId,
        builtIn: true,
        uri: c.uri,
        displayName: c.displayName,
        description: c.description,
        displayOrder: c.displayOrder,
        readOnly: c.readOnly ?? false,
        supportedByDefault: c.supportedByDefault ?? false,
        regEx: c.regEx ?? "",
      })),
    });
    created.push(`${missing.length} built-in claims for tenant ${tenantId}`);
  }
}

export function builtinAttribute(uri: string): string | undefined {
  return BUILTIN_CLAIMS.find((c) => c.uri === uri)?.attribute;
}
