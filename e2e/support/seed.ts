import crypto from "node:crypto";
import type { Db } from "../../lib/db/client.ts";
import { roleNameColumns, usernameColumns } from "../../lib/stores/look-alike.ts";
import type { PermissionPath } from "../../lib/permissions/tree.ts";
import { superTenantId } from "../../testing/seed.ts";
import { e2eDb } from "./db.ts";

export const unique = (prefix: string) => `${prefix}${crypto.randomBytes(4).toString("hex")}`;

type SeedRole = { name?: string; grants?: readonly PermissionPath[]; memberIds?: number[]; domain?: string; db?: Db };

/** A PRIMARY role with the given grants and members, named uniquely (in the shared e2e database unless `db` names another). */
export async function seedRole(options: SeedRole = {}) {
  const db = options.db ?? e2eDb();
  const tenantId = await superTenantId(db);
  const store = await db.userStore.findFirstOrThrow({ where: { tenantId, domain: options.domain ?? "PRIMARY" } });
  const name = options.name ?? unique("role_");
  return db.role.create({
    data: {
      tenantId,
      storeId: store.id,
      ...roleNameColumns(name),
      grants: { create: (options.grants ?? []).map((permission) => ({ permission })) },
      memberships: { create: (options.memberIds ?? []).map((userId) => ({ userId })) },
    },
  });
}

/** A read-only secondary store with one user and one role, as an LDAP store would appear. */
export async function seedReadOnlyStore() {
  const db = e2eDb();
  const tenantId = await superTenantId(db);
  const domain = unique("LDAP").toUpperCase();
  const store = await db.userStore.create({ data: { tenantId, domain, kind: "secondary", readOnly: true } });
  const username = unique("ldap_");
  const user = await db.user.create({ data: { tenantId, storeId: store.id, ...usernameColumns(username), passwordHash: "not-usable" } });
  const roleName = unique("ldaprole_");
  const role = await db.role.create({ data: { tenantId, storeId: store.id, ...roleNameColumns(roleName) } });
  return { domain, user, role, qualifiedUser: `${domain}/${username}`, qualifiedRole: `${domain}/${roleName}` };
}
