import { defineRoute } from "@/lib/transport/route";
import { compactGrants } from "@/lib/permissions/paths";

/** Who am I: the caller's name, roles and granted permission nodes, for scripts and health checks. */
export const GET = defineRoute({ feature: "console.signIn" }, async (_input, { principal }) => ({
  username: principal.displayName,
  tenantId: principal.tenantId,
  roles: [...principal.roles.map((r) => r.name), "Internal/everyone"],
  permissions: compactGrants(principal.grants),
}));
