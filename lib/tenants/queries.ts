import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { getConfig } from "../config/current.ts";
import { ZPageParams } from "../paging.ts";
import { describePermission } from "../permissions/catalog.ts";
import { compactGrants } from "../permissions/paths.ts";
import { dashboardCounts } from "./dashboard.ts";
import { superTenantCommand } from "./commands.ts";
import { getTenant, listTenants } from "./list-tenants.ts";
import { TENANT_SORTS, ZTenantId, ZTenantListParams } from "./tenant-input.ts";

/** The home page: the counts the actor may see, and the actor's own grants as permission-tree trails. */
export const dashboardQuery = defineCommand({
  feature: "console.signIn",
  input: z.object({}),
  rule: "Each count only for someone allowed to see that list.",
  run: async (client, principal) => ({
    counts: await dashboardCounts(client, principal, getConfig().session.idle_timeout_minutes * 60_000),
    granted: compactGrants(principal.grants).map((path) => {
      const node = describePermission(path);
      return { path, label: node ? node.trail.slice(1).join(" › ") || node.name : path };
    }),
  }),
});

/** The tenant list: search, keyset or offset paging. */
export const tenantsQuery = superTenantCommand({
  feature: "tenants.view",
  input: ZTenantListParams,
  rule: "Every tenant but the super tenant.",
  run: (client, _actor, params) => listTenants(client, params),
});

/** One tenant with its contact details and owners. */
export const tenantQuery = superTenantCommand({
  feature: "tenants.view",
  input: ZTenantId,
  rule: "Any tenant but the super tenant, which answers as not found.",
  run: (client, _actor, { id }) => getTenant(client, id),
});

/** The Tenants page's URL: the domain search, the sorted column and a numbered page. */
export const ZTenantPageParams = ZPageParams.extend({
  q: z.string().trim().max(64).optional().catch(undefined),
  sort: z.enum(TENANT_SORTS).catch("domain"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});

/** The Tenants page: one sorted page of the tenants, searched by domain, in the database. */
export const tenantsPageQuery = superTenantCommand({
  feature: "tenants.view",
  input: ZTenantPageParams,
  rule: "Every tenant but the super tenant.",
  run: async (client, _actor, params) => {
    const offset = (params.page - 1) * params.size;
    const list = await listTenants(client, { q: params.q, limit: params.size, offset }, { sort: params.sort, dir: params.dir });
    return { params, rows: list.rows, total: list.total, hasNext: list.next !== null };
  },
});

/** Add New Tenant: what the form tells the admin before posting (the password policy, whether "@" may be in a username). */
export const newTenantPageQuery = superTenantCommand({
  feature: "tenants.manage",
  input: z.object({}),
  rule: "None: the form's settings.",
  run: async () => {
    const config = getConfig();
    return { policy: config.password_policy, emailUsernames: config.tenant_mgt.enable_email_domain };
  },
});
