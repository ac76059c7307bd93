import { z } from "zod";
import { collectPages } from "../api.ts";
import { CliError, EXIT } from "../exit-codes.ts";
import type { EnvOption, FormatOption, LimitOptions } from "../options.ts";
import { printFields, printJson, say, warn } from "../output.ts";
import { checkNewPassword } from "../password-policy.ts";
import { askSecret, askText, confirmDeletion } from "../prompts.ts";
import { authenticated, type Authed } from "../session.ts";
import { printTable } from "../table.ts";
import { ZTenantResponseModel, ZTenantsListResponse } from "../../contracts/tenants.ts";

export type TenantOptions = EnvOption & FormatOption;
export type GetTenantsOptions = TenantOptions & LimitOptions;
export type AddTenantOptions = TenantOptions & {
  adminUsername?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  passwordStdin?: boolean;
};
export type DeleteTenantOptions = TenantOptions & { yes?: boolean };
type Tenant = z.infer<typeof ZTenantResponseModel>;

// WSO2 IS's Tenant Management API (docs/tenants.md): only the super tenant's admins may call it.
const TENANTS = "/api/server/v1/tenants";
const enc = encodeURIComponent;
const status = (tenant: Tenant) => (tenant.lifecycleStatus.activated ? "active" : "deactivated");

/** One page at `offset`; the API pages by offset, and the offset in its `next` link is the cursor collectPages follows. */
async function tenantPage(api: Authed, offset: string | undefined, limit: number) {
  const page = await api.call("GET", TENANTS, ZTenantsListResponse, { query: { limit, offset } });
  const link = page.links.find((l) => l.rel === "next");
  const next = link ? new URL(link.href, api.url).searchParams.get("offset") : null;
  if (next !== null && !/^\d+$/.test(next))
    throw new CliError(`Unexpected answer from GET ${TENANTS}: a next link without an offset.`, EXIT.failure);
  return { ...page, truncated: next !== null, next };
}

/**
 * The tenant with this domain, found by paging through the list: the API has no search
 * (`filter` is refused, as in WSO2 IS). Domains are stored in lower case.
 */
async function findTenant(api: Authed, domain: string): Promise<Tenant> {
  const wanted = domain.trim().toLowerCase();
  let offset: string | undefined;
  do {
    const page = await tenantPage(api, offset, 100);
    const found = page.tenants.find((t) => t.domain === wanted);
    if (found) return found;
    offset = page.next ?? undefined;
  } while (offset);
  throw new CliError(`There is no tenant ${wanted}. See: gatehouse get tenants`, EXIT.notFound);
}

export async function getTenants(domain: string | undefined, options: GetTenantsOptions): Promise<void> {
  const api = authenticated(options.env);
  if (domain) {
    const tenant = await findTenant(api, domain);
    if (options.format === "json") return printJson(tenant);
    return printFields([
      ["Domain", tenant.domain],
      ["ID", tenant.id],
      ["Status", status(tenant)],
      ["Admin", tenant.owners.map((o) => o.username).join(", ") || "-"],
      ["Created", tenant.createdDate],
    ]);
  }
  const { items, truncated } = await collectPages(
    (cursor, limit) => tenantPage(api, cursor, limit),
    (page) => page.tenants,
    options,
  );
  if (options.format === "json") printJson({ count: items.length, list: items, truncated });
  else if (!items.length) say("No tenants yet besides carbon.super. Add one: gatehouse add tenant <domain>");
  else
    printTable(
      ["DOMAIN", "STATUS", "ADMIN", "CREATED"],
      items.map((t) => [t.domain, status(t), t.owners.map((o) => o.username).join(", ") || "-", t.createdDate]),
    );
  if (truncated) warn(`Showing the first ${items.length} tenants; there are more. Raise --limit.`);
}

export async function addTenant(domain: string, options: AddTenantOptions): Promise<void> {
  const api = authenticated(options.env);
  // Asks nothing of someone the server will refuse anyway (a tenant's own admin gets 403 here).
  await tenantPage(api, undefined, 1);
  // --password-stdin means the first line is the password, whatever else is asked after it.
  const early = options.passwordStdin ? await askNewPassword(api, true) : undefined;
  const username = options.adminUsername ?? (await askText("Admin username:"));
  const firstname = options.firstName ?? (await askText("Admin's first name:"));
  const lastname = options.lastName ?? (await askText("Admin's last name:"));
  const email = options.email ?? (await askText("Admin's email:"));
  const password = early ?? (await askNewPassword(api, false));
  const owner = { username, password, email, firstname, lastname, provisioningMethod: "inline-password" };
  await api.call("POST", TENANTS, z.unknown(), { body: { domain, owners: [owner] } });
  const tenant = await findTenant(api, domain);
  if (options.format === "json") return printJson(tenant);
  say(`Tenant ${tenant.domain} added; its admin signs in as ${username}@${tenant.domain}.`);
}

export async function setTenantActive(domain: string, active: boolean, options: TenantOptions): Promise<void> {
  const api = authenticated(options.env);
  const tenant = await findTenant(api, domain);
  const already = tenant.lifecycleStatus.activated === active;
  if (!already) await api.call("PUT", `${TENANTS}/${enc(tenant.id)}/lifecycle-status`, z.unknown(), { body: { activated: active } });
  if (options.format === "json") return printJson({ ...tenant, lifecycleStatus: { activated: active } });
  if (already) return say(`Tenant ${tenant.domain} is already ${status(tenant)}.`);
  say(
    active
      ? `Tenant ${tenant.domain} activated; its users can sign in again.`
      : `Tenant ${tenant.domain} deactivated; its users can no longer sign in, and their sessions and tokens were ended.`,
  );
}

export async function deleteTenant(domain: string, options: DeleteTenantOptions): Promise<void> {
  const api = authenticated(options.env);
  const tenant = await findTenant(api, domain);
  // The server refuses it too (409); saying so first spares a question whose yes would fail.
  if (tenant.lifecycleStatus.activated)
    throw new CliError(
      `Tenant ${tenant.domain} is active. Deactivate it first: gatehouse deactivate tenant ${tenant.domain}`,
      EXIT.rejected,
    );
  await confirmDeletion(`Delete tenant ${tenant.domain} with all its users, roles and settings? This cannot be undone.`, options.yes);
  await api.call("DELETE", `${TENANTS}/${enc(tenant.id)}/metadata`, z.unknown());
  if (options.format === "json") return printJson({ domain: tenant.domain, status: "Deleted" });
  say(`Tenant ${tenant.domain} deleted.`);
}

/** Asked twice in a terminal or from piped lines, once with --password-stdin; checked against the policy once typed. */
async function askNewPassword(api: Authed, fromStdin: boolean): Promise<string> {
  const password = await askSecret("Admin's password:", fromStdin);
  await checkNewPassword(api, password, "password");
  if (!fromStdin && (await askSecret("Confirm the admin's password:")) !== password)
    throw new CliError("The passwords do not match. Nothing was added.", EXIT.usage);
  return password;
}
