/** WSO2's super tenant: the one that always exists and manages the others. */
export const SUPER_TENANT = "carbon.super";

/**
 * A sign-in name split as WSO2's MultitenantUtils does (getTenantDomain and
 * getTenantAwareUsername): the tenant follows the last "@", and a name without one is the
 * super tenant's. With email usernames (`[tenant_mgt] enable_email_domain`, WSO2's
 * EnableEmailUserName) a single "@" belongs to the name, so only a name with two or more names
 * a tenant: "alice@example.com" is a super-tenant user, "alice@example.com@acme.com" one of acme.com.
 * The tenant is compared in lower case, as tenant domains are stored.
 */
export function splitTenantName(username: string, emailUsernames: boolean): { tenant: string; name: string } {
  const last = username.lastIndexOf("@");
  if (last < 0 || (emailUsernames && username.indexOf("@") === last)) return { tenant: SUPER_TENANT, name: username };
  return { tenant: username.slice(last + 1).toLowerCase(), name: username.slice(0, last) };
}
