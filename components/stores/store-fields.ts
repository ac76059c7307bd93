/** The properties the store form shows, with WSO2's name and the default in each hint. */
export type StoreField = {
  name: string;
  label: string;
  hint: string;
  kind: "text" | "number" | "checkbox" | "textarea" | "password" | "select";
  placeholder?: string;
  options?: readonly string[];
  required?: boolean;
};

export const LDAP_FIELDS: StoreField[] = [
  {
    name: "urls",
    label: "Connection URLs",
    kind: "textarea",
    required: true,
    placeholder: "ldaps://ldap.example.com",
    hint: "ConnectionURL: one ldap:// or ldaps:// URL per line, tried in order.",
  },
  {
    name: "bindDn",
    label: "Bind DN",
    kind: "text",
    required: true,
    placeholder: "cn=gatehouse,ou=services,dc=example,dc=com",
    hint: "ConnectionName: the service account Gatehouse binds as.",
  },
  {
    name: "bindPassword",
    label: "Bind password",
    kind: "password",
    required: true,
    hint: "ConnectionPassword. Stored sealed; never shown again.",
  },
  { name: "startTls", label: "Use StartTLS", kind: "checkbox", hint: "On an ldap:// URL; ldaps:// is TLS from the start." },
  {
    name: "userSearchBase",
    label: "User search base",
    kind: "text",
    required: true,
    placeholder: "ou=people,dc=example,dc=com",
    hint: "UserSearchBase: where users are found.",
  },
  { name: "userNameAttribute", label: "Username attribute", kind: "text", placeholder: "uid", hint: "UserNameAttribute. Default uid." },
  {
    name: "userObjectClass",
    label: "User object class",
    kind: "text",
    placeholder: "inetOrgPerson",
    hint: "UserEntryObjectClass. Default inetOrgPerson.",
  },
  {
    name: "uniqueIdAttribute",
    label: "Unique ID attribute",
    kind: "text",
    placeholder: "entryUUID",
    hint: "UserIDAttribute: names users and groups through renames. Default entryUUID; objectGUID on Active Directory.",
  },
  {
    name: "userListFilter",
    label: "User filter",
    kind: "text",
    placeholder: "(objectClass=person)",
    hint: "UserNameListFilter. Default (objectClass=person).",
  },
  {
    name: "groupSearchBase",
    label: "Group search base",
    kind: "text",
    placeholder: "ou=groups,dc=example,dc=com",
    hint: "GroupSearchBase. Leave blank to read no groups.",
  },
  { name: "groupNameAttribute", label: "Group name attribute", kind: "text", placeholder: "cn", hint: "GroupNameAttribute. Default cn." },
  {
    name: "groupObjectClass",
    label: "Group object class",
    kind: "text",
    placeholder: "groupOfNames",
    hint: "GroupEntryObjectClass. Default groupOfNames.",
  },
  {
    name: "membershipAttribute",
    label: "Membership attribute",
    kind: "select",
    options: ["member", "uniqueMember", "memberOf"],
    hint: "MembershipAttribute: member or uniqueMember on groups, memberOf on users.",
  },
  {
    name: "nestedGroups",
    label: "Nested groups",
    kind: "checkbox",
    hint:
      "A group that is a member of another group gives its members that group too (10 levels at most; " +
      "cycles are safe). Default off, as in WSO2.",
  },
  {
    name: "activeDirectory",
    label: "Active Directory",
    kind: "checkbox",
    hint:
      "Sets passwords through unicodePwd, as Active Directory requires; needs ldaps:// or StartTLS. Default " +
      "off (RFC 3062 Password Modify).",
  },
  {
    name: "connectTimeoutMs",
    label: "Connect timeout (ms)",
    kind: "number",
    placeholder: "5000",
    hint: "LDAPConnectionTimeout. Default 5000.",
  },
  { name: "readTimeoutMs", label: "Read timeout (ms)", kind: "number", placeholder: "10000", hint: "ReadTimeout. Default 10000." },
  { name: "pageSize", label: "Page size", kind: "number", placeholder: "500", hint: "Entries per paged search. Default 500." },
  {
    name: "syncIntervalMinutes",
    label: "Sync every (minutes)",
    kind: "number",
    placeholder: "15",
    hint: "0 syncs only by hand. Default 15.",
  },
];

export const JDBC_FIELDS: StoreField[] = [
  {
    name: "url",
    label: "Database URL",
    kind: "text",
    required: true,
    placeholder: "postgresql://wso2@db.example.com/wso2",
    hint: "The WSO2 user database (UM_USER, UM_ROLE, …).",
  },
  { name: "password", label: "Database password", kind: "password", hint: "Stored sealed; never shown again." },
  {
    name: "wso2TenantId",
    label: "WSO2 tenant id",
    kind: "number",
    placeholder: "-1234",
    hint: "UM_TENANT_ID of the rows to read. Default -1234 (carbon.super).",
  },
  {
    name: "passwordDigest",
    label: "Password digest",
    kind: "select",
    options: ["SHA-256", "SHA-1", "MD5", "PLAIN_TEXT"],
    hint: "PasswordDigest, as WSO2's JDBCUserStoreManager.",
  },
  { name: "storeSaltedPassword", label: "Salted passwords", kind: "checkbox", hint: "StoreSaltedPassword. Default on." },
  { name: "connectTimeoutMs", label: "Connect timeout (ms)", kind: "number", placeholder: "5000", hint: "Default 5000." },
  { name: "readTimeoutMs", label: "Read timeout (ms)", kind: "number", placeholder: "10000", hint: "Default 10000." },
  { name: "pageSize", label: "Page size", kind: "number", placeholder: "1000", hint: "Rows per page. Default 1000." },
  {
    name: "syncIntervalMinutes",
    label: "Sync every (minutes)",
    kind: "number",
    placeholder: "15",
    hint: "0 syncs only by hand. Default 15.",
  },
];
