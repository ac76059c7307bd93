import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { getConfig } from "../config/current.ts";
import { describePermission } from "../permissions/catalog.ts";
import { compactGrants } from "../permissions/paths.ts";
import { dashboardCounts } from "./dashboard.ts";
import { superTenantCommand } from "./commands.ts";
import { getTenant, listTenants } from "./list-tenants.ts";
import { ZTenantId, ZTenantListParams } from "./tenant-input.ts";

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
