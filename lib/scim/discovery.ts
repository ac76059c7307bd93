/**
 * The discovery documents (RFC 7644 4, RFC 7643 5-7): what is implemented, no more. The
 * schemas list the attributes attribute-map.ts maps plus the column-backed ones, writable where
 * PUT and PATCH write them (the Group's stay readOnly until Group writes exist); bulk is false.
 */
import { SCIM_DEFAULT_COUNT, SCIM_MAX_RESULTS } from "../contracts/scim.ts";
import { ADDRESS_PARTS, CLAIM_ATTRIBUTES, CORE_GROUP, CORE_USER, ENTERPRISE_USER, MULTI_VALUED } from "./attribute-map.ts";

const SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
const RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SPC = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const DOCS = "https://github.com/gatehouse/gatehouse/blob/main/docs/scim.md";

type Attr = Record<string, unknown>;
/** What PUT and PATCH write (lib/scim/user-writes.ts); everything else is readOnly. */
const RW = { mutability: "readWrite" } as const;

const attr = (name: string, extra: Attr = {}): Attr => ({
  name,
  type: "string",
  multiValued: false,
  description: "",
  required: false,
  caseExact: false,
  mutability: "readOnly",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

function subAttributesOf(schema: string, top: string): Attr[] {
  return CLAIM_ATTRIBUTES.filter((a) => a.schema === schema && a.path.startsWith(`${top}.`)).map((a) =>
    attr(a.path.slice(top.length + 1), { description: a.description, ...RW }),
  );
}

function claimAttributes(schema: string): Attr[] {
  const tops = [...new Set(CLAIM_ATTRIBUTES.filter((a) => a.schema === schema).map((a) => a.path.split(".")[0]!))];
  return tops.map((top) => {
    const subs = subAttributesOf(schema, top);
    if (subs.length) return attr(top, { type: "complex", description: top, subAttributes: subs, ...RW });
    const a = CLAIM_ATTRIBUTES.find((c) => c.schema === schema && c.path === top)!;
    return attr(top, {
      description: a.description,
      ...RW,
      ...(top === "profileUrl" ? { type: "reference", referenceTypes: ["external"] } : {}),
    });
  });
}

const userSchema = {
  schemas: [SCHEMA],
  id: CORE_USER,
  name: "User",
  description: "User Account",
  attributes: [
    attr("id", { caseExact: true, returned: "always", uniqueness: "server", description: "The user's id in Gatehouse" }),
    attr("userName", {
      required: true,
      uniqueness: "server",
      mutability: "immutable",
      description: "The user's name; DOMAIN/name outside PRIMARY. Set when the user is created",
    }),
    attr("password", {
      caseExact: true,
      mutability: "writeOnly",
      returned: "never",
      description: "Optional when creating (the account is then unusable until an admin sets one); PUT and PATCH reset it",
    }),
    ...claimAttributes(CORE_USER),
    ...MULTI_VALUED.map((m) =>
      attr(m.name, {
        type: "complex",
        multiValued: true,
        description: m.description,
        ...RW,
        subAttributes: [
          attr("value", RW),
          attr("type", { canonicalValues: [...new Set(m.values.flatMap((v) => (v.type ? [v.type] : [])))], ...RW }),
          attr("primary", { type: "boolean", ...RW }),
        ],
      }),
    ),
    attr("addresses", {
      type: "complex",
      multiValued: true,
      description: "The user's home address",
      ...RW,
      subAttributes: [...ADDRESS_PARTS.map((p) => attr(p.sub, RW)), attr("type", { canonicalValues: ["home"], ...RW })],
    }),
    attr("active", { type: "boolean", description: "False while an administrator has disabled the account", ...RW }),
    attr("groups", {
      type: "complex",
      multiValued: true,
      description: "The roles the user is a member of",
      subAttributes: [attr("value"), attr("display"), attr("$ref", { type: "reference", referenceTypes: ["Group"] })],
    }),
  ],
  meta: { resourceType: "Schema", location: `/scim2/Schemas/${CORE_USER}` },
};

const enterpriseSchema = {
  schemas: [SCHEMA],
  id: ENTERPRISE_USER,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: claimAttributes(ENTERPRISE_USER),
  meta: { resourceType: "Schema", location: `/scim2/Schemas/${ENTERPRISE_USER}` },
};

const groupSchema = {
  schemas: [SCHEMA],
  id: CORE_GROUP,
  name: "Group",
  description: "Group: a Gatehouse role",
  attributes: [
    attr("id", { caseExact: true, returned: "always", uniqueness: "server" }),
    attr("displayName", { required: true, description: "The role's name; DOMAIN/name outside PRIMARY" }),
    attr("members", {
      type: "complex",
      multiValued: true,
      subAttributes: [
        attr("value"),
        attr("display"),
        attr("type", { canonicalValues: ["User"] }),
        attr("$ref", { type: "reference", referenceTypes: ["User"] }),
      ],
    }),
  ],
  meta: { resourceType: "Schema", location: `/scim2/Schemas/${CORE_GROUP}` },
};

export const SCHEMAS = [userSchema, enterpriseSchema, groupSchema];

export const RESOURCE_TYPES = [
  {
    schemas: [RESOURCE_TYPE],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "User Account",
    schema: CORE_USER,
    schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }],
    meta: { resourceType: "ResourceType", location: "/scim2/ResourceTypes/User" },
  },
  {
    schemas: [RESOURCE_TYPE],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "Group: a Gatehouse role",
    schema: CORE_GROUP,
    meta: { resourceType: "ResourceType", location: "/scim2/ResourceTypes/Group" },
  },
];

export const SERVICE_PROVIDER_CONFIG = {
  schemas: [SPC],
  documentationUri: DOCS,
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: SCIM_MAX_RESULTS },
  changePassword: { supported: true },
  sort: { supported: true },
  etag: { supported: true },
  // RFC 9865: `cursor` with `count` (sorted by a column), or startIndex with count.
  pagination: {
    cursor: true,
    index: true,
    defaultPaginationMethod: "index",
    defaultPageSize: SCIM_DEFAULT_COUNT,
    maxPageSize: SCIM_MAX_RESULTS,
  },
  authenticationSchemes: [
    {
      type: "oauthbearertoken",
      name: "OAuth Bearer Token",
      description: "An access token from /oauth2/token holding the operation's internal_* scope, or a /management token",
      specUri: "https://www.rfc-editor.org/info/rfc6750",
      primary: true,
    },
    {
      type: "httpbasic",
      name: "HTTP Basic",
      description: "A user's name and password on each request",
      specUri: "https://www.rfc-editor.org/info/rfc7617",
    },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: "/scim2/ServiceProviderConfig" },
};

const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const listOfAll = (resources: unknown[]) => ({
  schemas: [LIST],
  totalResults: resources.length,
  itemsPerPage: resources.length,
  startIndex: 1,
  Resources: resources,
});
