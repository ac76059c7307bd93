// A migrated, provisioned database holding `users` synthetic users (scripts/bench-users-data.ts),
// for the load benchmark: the same tenant, stores, roles and users as `npm run bench:users`.
import { performance } from "node:perf_hooks";
import { hashPassword } from "../../lib/auth/password.ts";
import { INTERNAL, PRIMARY } from "../../lib/core/domains.ts";
import { createDb } from "../../lib/db/client.ts";
import type { DbTarget } from "../../lib/db/target.ts";
import { createRole } from "../../lib/roles/create-role.ts";
import { actorFor } from "../../testing/actor.ts";
import { superTenantId } from "../../testing/seed.ts";
import { migrateAndProvision } from "../bench-common.ts";
import { seedPostgres, seedSqlite, TEAM_ROLES, type SeedPlan } from "../bench-users-data.ts";

export async function seedBenchDatabase(target: DbTarget, users: number): Promise<SeedPlan> {
  const started = performance.now();
  await migrateAndProvision(target);
  const client = createDb(target);
  let plan: SeedPlan;
  try {
    const tenantId = await superTenantId(client);
    const ldap = await client.userStore.create({ data: { tenantId, domain: "LDAP", kind: "secondary", readOnly: true } });
    const admin = await client.user.findFirstOrThrow({ where: { tenantId, usernameKey: "admin" } });
    const actor = await actorFor(client, admin.id);
    const roleIds = new Map<string, number>();
    for (const name of [...TEAM_ROLES, "auditors"]) {
      const role = await createRole(client, actor, { domain: PRIMARY, name, permissions: ["/permission/admin/login"], userIds: [] });
      roleIds.set(name, role.id);
    }
    for (const name of ["creator", "publisher", "subscriber"]) {
      roleIds.set(name, (await client.role.findFirstOrThrow({ where: { tenantId, nameKey: name, store: { domain: INTERNAL } } })).id);
    }
    const primary = await client.userStore.findFirstOrThrow({ where: { tenantId, domain: PRIMARY } });
    const firstId = ((await client.user.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
    const passwordHash = await hashPassword("bench-password");
    plan = { users, tenantId, primaryId: primary.id, ldapId: ldap.id, firstId, roleIds, passwordHash };
  } finally {
    await client.$disconnect();
  }
  const seeded = target.provider === "sqlite" ? await seedSqlite(target.file, plan) : await seedPostgres(target.url, plan);
  console.log(
    `  ${users.toLocaleString("en")} users migrated, provisioned and seeded in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      ` (${seeded.map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)} s`).join(", ")})`,
  );
  return plan;
}
