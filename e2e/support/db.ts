import path from "node:path";
import { createDb, type Db } from "../../lib/db/client.ts";
import { parseConfig } from "../../lib/config/load.ts";
import fs from "node:fs";

import { createTenantCommand, setTenantActiveCommand } from "../../lib/tenants/commands.ts";
import { SUPER_TENANT } from "../../lib/core/tenant.ts";
import { actorFor } from "../../testing/actor.ts";
import { seedUser } from "../../testing/seed.ts";

export { seedUser, TEST_PASSWORD } from "../../testing/seed.ts";

let client: Db | undefined;

/**
 * A Prisma filter for the super tenant's rows. Specs that read rows by something other than an
 * id they seeded must add it: e2e/tenants.spec.ts provisions other tenants, with their own admin
 * role, Internal roles and scopes, on the same database.
 */
export const IN_SUPER_TENANT = { tenant: { domain: SUPER_TENANT } };

/** The database the e2e server runs on, for seeding and for checking what a flow wrote. */
export function e2eDb(): Db {
  const file = path.resolve("data/e2e/gatehouse.db");
  client ??= createDb({ provider: "sqlite", file, url: `file:${file}` });
  return client;
}

export const e2eConfig = parseConfig(fs.readFileSync("e2e/gatehouse.e2e.toml", "utf8"));

/**
 * A tenant made by the real Add New Tenant command, as a fresh super-tenant admin would make it
 * (seeded the way the other helpers seed users). Returns its id.
 */
export async function seedTenant(db: Db, form: { domain: string; adminUsername: string; password: string }): Promise<number> {
  // The command reads the password policy and name patterns from the server's configuration.
  (globalThis as { gatehouseConfig?: unknown }).gatehouseConfig ??= e2eConfig;
  const root = await seedUser(db, { admin: true });
  const contact = { firstName: "Tenant", lastName: "Admin", email: `admin@${form.domain}` };
  const input = createTenantCommand.input.parse({ ...form, ...contact });
  return (await createTenantCommand.run(db, await actorFor(db, root.id), input)).id;
}

/** Deactivates a tenant through the real command, as a super-tenant admin. */
export async function deactivateTenant(db: Db, id: number): Promise<void> {
  const root = await seedUser(db, { admin: true });
  await setTenantActiveCommand.run(db, await actorFor(db, root.id), { id, active: false });
}
