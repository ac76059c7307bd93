import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import { getConfig } from "../config/current.ts";
import { describePermission } from "../permissions/catalog.ts";
import { compactGrants } from "../permissions/paths.ts";
import { dashboardCounts } from "./dashboard.ts";

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
