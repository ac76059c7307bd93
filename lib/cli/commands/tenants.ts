import type { Command } from "commander";
import type { AddTenantOptions, DeleteTenantOptions, GetTenantsOptions, TenantOptions } from "../actions/tenants.ts";
import { withEnv, withFormat, withLimit } from "../options.ts";

const actions = () => import("../actions/tenants.ts");
// /api/server/v1/tenants serves at most 100 tenants a page (lib/contracts/tenants.ts).
const TENANT_PAGE = 100;
const SUPER_ONLY = "\nOnly the super tenant's (carbon.super) admins manage tenants; anyone else exits 4 (forbidden).";

export function registerTenantCommands(parents: {
  get: Command;
  add: Command;
  remove: Command;
  activate: Command;
  deactivate: Command;
}): void {
  const getTenants = parents.get
    .command("tenants [domain]")
    .description("list tenants with their status and admin, or show one tenant")
    .addHelpText("after", SUPER_ONLY);
  withLimit(withFormat(withEnv(getTenants)), "tenants", TENANT_PAGE).action(
    async (domain: string | undefined, options: GetTenantsOptions) => (await actions()).getTenants(domain, options),
  );

  const addTenant = parents.add
    .command("tenant <domain>")
    .description("add a tenant (e.g. acme.com) with its admin; asks for what the options do not give, the password twice")
    .option("-u, --admin-username <name>", "the tenant admin's username (signs in as <name>@<domain>)")
    .option("--first-name <name>", "the admin's first name")
    .option("--last-name <name>", "the admin's last name")
    .option("--email <address>", "the admin's email address")
    .option("--password-stdin", "read the admin's password from the first line of standard input (asked once)")
    .addHelpText("after", "\nWithout a terminal, the answers are read from standard input, one per line, in the order asked." + SUPER_ONLY);
  withFormat(withEnv(addTenant)).action(async (domain: string, options: AddTenantOptions) => (await actions()).addTenant(domain, options));

  const activate = parents.activate.command("tenant <domain>").description("let a deactivated tenant's users sign in again");
  withFormat(withEnv(activate)).action(async (domain: string, options: TenantOptions) =>
    (await actions()).setTenantActive(domain, true, options),
  );

  const deactivate = parents.deactivate
    .command("tenant <domain>")
    .description("stop a tenant's users signing in and end every session and token of the tenant");
  withFormat(withEnv(deactivate)).action(async (domain: string, options: TenantOptions) =>
    (await actions()).setTenantActive(domain, false, options),
  );

  const deleteTenant = parents.remove
    .command("tenant <domain>")
    .description("delete a deactivated tenant and everything in it (asks first unless --yes)")
    .option("-y, --yes", "do not ask for confirmation");
  withFormat(withEnv(deleteTenant)).action(async (domain: string, options: DeleteTenantOptions) =>
    (await actions()).deleteTenant(domain, options),
  );
}
