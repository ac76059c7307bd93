import type { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { FeatureKey } from "../authz/features.ts";
import type { Actor } from "../authz/principal.ts";
import type { Db } from "../db/client.ts";
import { createTenant } from "./create-tenant.ts";
import { assertSuperTenantActor } from "./super-tenant.ts";
import { ZCreateTenant, ZDeleteTenantConfirmed, ZSetTenantActive, ZTenantId, ZUpdateTenantContact } from "./tenant-input.ts";
import { deleteTenant, setTenantActive, updateTenantContact } from "./tenant-lifecycle.ts";

// Every write on tenants, one command each (lib/authz/command.ts); the reads are in queries.ts.

export const SUPER_TENANT_ONLY = "Only an actor of the super tenant; never the super tenant itself.";

/** A command only the super tenant's actors may run, whatever a tenant's own admin role holds. */
export function superTenantCommand<S extends z.ZodType, R>(command: {
  feature: FeatureKey;
  input: S;
  rule: string;
  run: (client: Db, actor: Actor, input: z.output<S>) => Promise<R>;
}) {
  return defineCommand({
    ...command,
    rule: `${SUPER_TENANT_ONLY} ${command.rule}`,
    run: async (client, actor, input) => {
      assertSuperTenantActor(actor, command.feature);
      return command.run(client, actor, input);
    },
  });
}

export const createTenantCommand = superTenantCommand({
  feature: "tenants.manage",
  input: ZCreateTenant,
  rule: "The domain is free; the admin username and password pass the PRIMARY store's pattern and the password policy.",
  run: createTenant,
});

export const setTenantActiveCommand = superTenantCommand({
  feature: "tenants.manage",
  input: ZSetTenantActive,
  rule: "Deactivating ends every session and token of the tenant.",
  run: setTenantActive,
});

export const updateTenantContactCommand = superTenantCommand({
  feature: "tenants.manage",
  input: ZUpdateTenantContact,
  rule: "None beyond the form's.",
  run: updateTenantContact,
});

export const deleteTenantCommand = superTenantCommand({
  feature: "tenants.manage",
  input: ZTenantId,
  rule: "Only a deactivated tenant; everything of it goes in one transaction.",
  run: deleteTenant,
});

/** The console's Delete: the same delete, once the admin has typed the tenant's domain. */
export const deleteTenantConfirmedCommand = superTenantCommand({
  feature: "tenants.manage",
  input: ZDeleteTenantConfirmed,
  rule: "The typed domain names the tenant. Only a deactivated tenant; everything of it goes in one transaction.",
  run: deleteTenant,
});
