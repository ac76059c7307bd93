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

/** A claim WSO2's default SCIM 2.0 mapping points at (lib/scim/attribute-map.ts): not on the profile editor. */
const scimClaim = (name: string, displayName: string, description: string, attribute: string, displayOrder: number, regEx?: string) => ({
  uri: `${LOCAL_DIALECT}/${name}`,
  displayName,
  description,
  attribute,
  displayOrder,
  ...(regEx ? { regEx } : {}),
});

// WSO2's says local part, @, dotted domain with nested quantifiers, which backtrack
// exponentially on a long near-miss; this one says the same in linear time.
const EMAIL_REGEX = String.raw`^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$`;

// The rest of the local claims WSO2's SCIM 2.0 core, User and enterprise dialects map to, with
// claim-config.xml's names and attributes, so a provisioning client's common attributes have a
// claim to land in out of the box. Two differences: WSO2 marks externalid read-only (its SCIM
// writes it anyway; here read-only means SCIM refuses it too, so it stays writable), and its
// phone-number patterns are its email pattern (a copy slip), so the phone numbers have none.
const SCIM_CLAIMS: readonly BuiltinClaim[] = [
  scimClaim("externalid", "External User ID", "Unique ID of the user used in external systems", "externalId", 30),
  scimClaim("displayName", "Display Name", "Display Name", "displayName", 31),
  scimClaim("nickname", "Nick Name", "Nick Name", "nickName", 32),
  scimClaim("formattedName", "Name - Formatted Name", "Formatted Name", "formattedName", 33),
  scimClaim("middleName", "Middle Name", "Middle Name", "middleName", 34),
  scimClaim("honorificPrefix", "Name - Honoric Prefix", "Honoric Prefix", "honoricPrefix", 35),
  scimClaim("honorificSuffix", "Name - Honoric Suffix", "Honoric Suffix", "honoricSuffix", 36),
  scimClaim("title", "Job Title", "Job Title", "title", 37),
  scimClaim("userType", "User Type", "User Type", "userType", 38),
  scimClaim("preferredLanguage", "Preferred Language", "Preferred Language", "preferredLanguage", 39),
  scimClaim("local", "Local", "Local", "local", 40),
  scimClaim("timeZone", "Time Zone", "Time Zone", "timeZone", 41),
  scimClaim("emails.work", "Emails - Work Email", "Work Email", "workEmail", 42, EMAIL_REGEX),
  scimClaim("emails.home", "Emails - Home Email", "Home Email", "homeEmail", 43, EMAIL_REGEX),
  scimClaim("emails.other", "Emails - Other Email", "Other Email", "otherEmail", 44, EMAIL_REGEX),
  scimClaim("phoneNumbers.home", "Phone Numbers - Home Phone Number", "Home Phone", "homePhone", 45),
  scimClaim("phoneNumbers.other", "Phone Numbers - Other", "Other Phone Number", "otherPhoneNumber", 46),
  scimClaim("employeeNumber", "Employee Number", "Employee Number", "employeeNumber", 47),
  scimClaim("costCenter", "Cost Center", "Cost Center", "costCenter", 48),
  scimClaim("division", "Division", "Division", "division", 49),
  scimClaim("department", "Department", "Department", "departmentNumber", 50),
];

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
    regEx: EMAIL_REGEX,
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
  ...SCIM_CLAIMS,
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
