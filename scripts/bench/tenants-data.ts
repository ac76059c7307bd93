// The tenants of `npm run bench:users -- --tenants N` (issue #15): each one made by the code Add
// New Tenant runs (provisionTenantIn: stores, default roles, the admin role, an `admin` user who
// can sign in, the scope catalog's mapping), then given what the single-tenant seed gives the
// super tenant (an LDAP store, the team roles and auditors), so bench-users-data.ts can fill
// every tenant with the same synthetic users by bulk insert.
import type { Db } from "../../lib/db/client.ts";
import { PRIMARY } from "../../lib/core/domains.ts";
import { providerOf } from "../../lib/db/provider.ts";
import { provisionTenantIn, type TenantSpec } from "../../lib/provisioning/provision-tenant.ts";
import { roleNameColumns } from "../../lib/stores/look-alike.ts";
import { testConfig } from "../../testing/config.ts";
import { mix } from "../bench-common.ts";
import { TEAM_ROLES, type SeedPlan } from "../bench-users-data.ts";

/** tenant0001.com … : searchable by any run of digits, ordered by number. */
export const tenantDomain = (i: number) => `tenant${String(i).padStart(4, "0")}.com`;

const CREATED_FROM = Date.UTC(2025, 0, 1);
const LOGIN = "/permission/admin/login";

/**
 * Provisions tenants 1..count (one transaction each, as createTenant does, without its password
 * hashing and audit events) and returns the seed plans of `first`'s tenant and of each new one,
 * their bulk user ids starting after every provisioned user. `onProgress` hears every hundredth tenant.
 */
export async function provisionBenchTenants(
  client: Db,
  count: number,
  first: SeedPlan,
  onProgress?: (done: number) => void,
): Promise<SeedPlan[]> {
  const config = testConfig();
  const spec: TenantSpec = {
    adminRole: config.super_admin.admin_role,
    admin: { username: "admin", passwordHash: first.passwordHash, mustChangePassword: false },
    usernamePattern: config.user_store.username_java_regex,
    rolePattern: config.user_store.rolename_java_regex,
    scopeCatalog: config.apim.scope_catalog,
  };
  const plans: SeedPlan[] = new Array<SeedPlan>(count);
  let done = 0;
  const provisionOne = async (i: number) => {
    const domain = tenantDomain(i);
    plans[i - 1] = await client.$transaction(
      async (tx) => {
        // Creation times out of domain order, so sorting by created reads a different page.
        const createdAt = new Date(CREATED_FROM + (mix(i) % 31_536_000) * 1000);
        const tenant = await tx.tenant.create({
          data: { domain, firstName: "Bench", lastName: `Tenant ${i}`, email: `admin@${domain}`, createdAt },
        });
        const { stores } = await provisionTenantIn(tx, tenant.id, spec, []);
        const ldap = await tx.userStore.create({ data: { tenantId: tenant.id, domain: "LDAP", kind: "secondary", readOnly: true } });
        const primaryId = stores.get(PRIMARY)!;
        const names = [...TEAM_ROLES, "auditors"];
        await tx.role.createMany({ data: names.map((name) => ({ tenantId: tenant.id, storeId: primaryId, ...roleNameColumns(name) })) });
        const roles = await tx.role.findMany({
          where: {
            tenantId: tenant.id,
            OR: [{ storeId: primaryId, kind: "regular" }, { nameKey: { in: ["creator", "publisher", "subscriber"] } }],
          },
          select: { id: true, nameKey: true, storeId: true },
        });
        const team = roles.filter((r) => r.storeId === primaryId);
        await tx.roleGrant.createMany({ data: team.map((r) => ({ roleId: r.id, permission: LOGIN })) });
        return {
          users: first.users,
          tenantId: tenant.id,
          primaryId,
          ldapId: ldap.id,
          firstId: 0,
          roleIds: new Map(roles.map((r) => [r.nameKey, r.id])),
          passwordHash: first.passwordHash,
        };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    if (++done % 100 === 0) onProgress?.(done);
  };
  // PostgreSQL takes a few transactions at once (its pool holds 10); SQLite writes one at a time anyway.
  const lanes = providerOf(client) === "postgres" ? 4 : 1;
  let next = 1;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next <= count) await provisionOne(next++);
    }),
  );
  // The tenants' admin users took ids since `first` was planned: the bulk ids start after them.
  const base = ((await client.user.aggregate({ _max: { id: true } }))._max.id ?? 0) + 1;
  return [first, ...plans].map((plan, k) => ({ ...plan, firstId: base + k * plan.users }));
}
