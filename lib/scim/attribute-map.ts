/**
 * SCIM 2.0 attributes (RFC 7643) onto Gatehouse's local claims (lib/claims), as WSO2 Identity
 * Server maps its urn:ietf:params:scim:schemas:core:2.0:User dialect onto http://wso2.org/claims
 * by default (claim-config.xml): the defaults, as typed data. A tenant's edits go on top in
 * dialect.ts, and every other SCIM module reads the mapping from there.
 */
import { LOCAL_DIALECT } from "../claims/builtin-claims.ts";

export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

const claim = (name: string) => `${LOCAL_DIALECT}/${name}`;

/** A single-valued string attribute kept in one claim: `path` is "name.givenName", "title", … */
export type ClaimAttribute = { schema: typeof CORE_USER | typeof ENTERPRISE_USER; path: string; claim: string; description: string };

/** One value of a multi-valued attribute (emails, phoneNumbers): its type, and the claim holding it. */
export type TypedValue = { type?: string; claim: string; primary?: boolean };

/** A multi-valued attribute whose values are claims, one claim per `type` (WSO2's emails.work, phoneNumbers.mobile). */
export type MultiValued = { name: string; values: readonly TypedValue[]; description: string };

/** addresses: WSO2 keeps one home address in several claims, one per sub-attribute. */
export type AddressPart = { sub: string; claim: string };

export const CLAIM_ATTRIBUTES: readonly ClaimAttribute[] = [
  { schema: CORE_USER, path: "externalId", claim: claim("externalid"), description: "The provisioning client's identifier" },
  { schema: CORE_USER, path: "name.givenName", claim: claim("givenname"), description: "Given name" },
  { schema: CORE_USER, path: "name.familyName", claim: claim("lastname"), description: "Family name" },
  { schema: CORE_USER, path: "name.formatted", claim: claim("formattedName"), description: "Full name, formatted for display" },
  { schema: CORE_USER, path: "name.middleName", claim: claim("middleName"), description: "Middle name" },
  { schema: CORE_USER, path: "name.honorificPrefix", claim: claim("honorificPrefix"), description: "Honorific prefix" },
  { schema: CORE_USER, path: "name.honorificSuffix", claim: claim("honorificSuffix"), description: "Honorific suffix" },
  { schema: CORE_USER, path: "displayName", claim: claim("displayName"), description: "Name shown to end users" },
  { schema: CORE_USER, path: "nickName", claim: claim("nickname"), description: "Casual name" },
  { schema: CORE_USER, path: "profileUrl", claim: claim("url"), description: "Profile URL" },
  { schema: CORE_USER, path: "title", claim: claim("title"), description: "Title" },
  { schema: CORE_USER, path: "userType", claim: claim("userType"), description: "User type" },
  { schema: CORE_USER, path: "preferredLanguage", claim: claim("preferredLanguage"), description: "Preferred language" },
  { schema: CORE_USER, path: "locale", claim: claim("local"), description: "Locale" },
  { schema: CORE_USER, path: "timezone", claim: claim("timeZone"), description: "Time zone" },
  { schema: ENTERPRISE_USER, path: "employeeNumber", claim: claim("employeeNumber"), description: "Employee number" },
  { schema: ENTERPRISE_USER, path: "costCenter", claim: claim("costCenter"), description: "Cost center" },
  { schema: ENTERPRISE_USER, path: "organization", claim: claim("organization"), description: "Organization" },
  { schema: ENTERPRISE_USER, path: "division", claim: claim("division"), description: "Division" },
  { schema: ENTERPRISE_USER, path: "department", claim: claim("department"), description: "Department" },
];

/** `emails` without a type is WSO2's http://wso2.org/claims/emailaddress, shown as the primary address. */
export const MULTI_VALUED: readonly MultiValued[] = [
  {
    name: "emails",
    description: "Email addresses",
    values: [
      { claim: claim("emailaddress"), primary: true },
      { type: "work", claim: claim("emails.work") },
      { type: "home", claim: claim("emails.home") },
      { type: "other", claim: claim("emails.other") },
    ],
  },
  {
    name: "phoneNumbers",
    description: "Phone numbers",
    values: [
      { type: "mobile", claim: claim("mobile") },
      { type: "work", claim: claim("telephone") },
      { type: "home", claim: claim("phoneNumbers.home") },
      { type: "other", claim: claim("phoneNumbers.other") },
    ],
  },
];

export const ADDRESS_TYPE = "home";
export const ADDRESS_PARTS: readonly AddressPart[] = [
  { sub: "streetAddress", claim: claim("streetaddress") },
  { sub: "locality", claim: claim("locality") },
  { sub: "postalCode", claim: claim("postalcode") },
  { sub: "country", claim: claim("country") },
];

/** The core attributes that are not claims: kept in Gatehouse's own columns or tables. */
export const COLUMN_ATTRIBUTES = ["id", "userName", "active", "groups", "meta"] as const;

const lower = (s: string) => s.toLowerCase();

/**
 * A filter's or sort's attribute path, normalised: attribute names are case-insensitive
 * (RFC 7644 3.10), the core schema's URN prefix is optional, the enterprise one is required.
 * Returns the schema and the path with each segment spelt as the schema spells it, or null.
 */
export function resolveUserPath(attrPath: string): { schema: string; path: string } | null {
  const lowered = lower(attrPath);
  const enterprisePrefix = `${lower(ENTERPRISE_USER)}:`;
  if (lowered.startsWith(enterprisePrefix)) {
    const rest = lowered.slice(enterprisePrefix.length);
    const found = CLAIM_ATTRIBUTES.find((a) => a.schema === ENTERPRISE_USER && lower(a.path) === rest);
    return found ? { schema: ENTERPRISE_USER, path: found.path } : null;
  }
  const corePrefix = `${lower(CORE_USER)}:`;
  const rest = lowered.startsWith(corePrefix) ? lowered.slice(corePrefix.length) : lowered;
  const spelt = CORE_PATHS.get(rest);
  return spelt ? { schema: CORE_USER, path: spelt } : null;
}

const CORE_PATHS = new Map(
  [
    "id",
    "userName",
    "active",
    "schemas",
    "meta.created",
    "meta.lastModified",
    "meta.resourceType",
    "meta.version",
    "meta.location",
    "groups",
    "groups.value",
    "groups.display",
    ...CLAIM_ATTRIBUTES.filter((a) => a.schema === CORE_USER).map((a) => a.path),
    ...MULTI_VALUED.flatMap((m) => [m.name, `${m.name}.value`, `${m.name}.type`, `${m.name}.primary`]),
    "addresses",
    "addresses.type",
    ...ADDRESS_PARTS.map((p) => `addresses.${p.sub}`),
  ].map((p) => [lower(p), p]),
);
/**
 * Every User attribute and sub-attribute name as the resources spell it, for matching a
 * PATCH's names case-insensitively (RFC 7643 2.1) before scim-patch, which compares exactly.
 */
export const USER_ATTRIBUTE_NAMES: readonly string[] = [
  ...new Set([
    ...COLUMN_ATTRIBUTES,
    "schemas",
    "password",
    ...CLAIM_ATTRIBUTES.flatMap((a) => a.path.split(".")),
    ...MULTI_VALUED.map((m) => m.name),
    "value",
    "type",
    "primary",
    "display",
    "addresses",
    ...ADDRESS_PARTS.map((p) => p.sub),
  ]),
];
