import crypto from "node:crypto";
import type { Db } from "../lib/db/client.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { SUPER_TENANT } from "../lib/core/tenant.ts";
import { PRIMARY } from "../lib/core/domains.ts";
import { roleNameColumns, usernameColumns } from "../lib/stores/look-alike.ts";
import type { PermissionPath } from "../lib/permissions/tree.ts";

export const TEST_PASSWORD = "correct horse battery staple";

// Hashing is the slow part of seeding; most test users share this one password.
let testPasswordHash: Promise<string> | undefined;

export async function superTenantId(db: Db): Promise<number> {
  return (await db.tenant.findUniqueOrThrow({ where: { domain: SUPER_TENANT } })).id;
}

type SeedUser = {
  username?: string;
  password?: string;
  /** Stored as it is instead of hashing `password`: an imported hash, or the unusable marker. */
  passwordHash?: string;
  grants?: readonly PermissionPath[];
  admin?: boolean;
};

/**
 * Creates a PRIMARY user with a role of its own holding `grants` (or the admin role), the way
 * tests and e2e specs set up the people they need. Names are unique per call.
 */
export async function seedUser(
  db: Db,
  options: SeedUser = {},
): Promise<{ id: number; username: string; password: string; roleId: number }> {
  const tenantId = await superTenantId(db);
  const primary = await db.userStore.findUniqueOrThrow({ where: { tenantId_domain: { tenantId, domain: PRIMARY } } });
  const username = options.username ?? `user_${crypto.randomBytes(5).toString("hex")}`;
  const password = options.password ?? TEST_PASSWORD;
  const passwordHash =
    options.passwordHash ??
    (password === TEST_PASSWORD ? await (testPasswordHash ??= hashPassword(TEST_PASSWORD)) : await hashPassword(password));
  const role = options.admin
    ? await db.role.findFirstOrThrow({ where: { tenantId, kind: "admin" } })
    : await db.role.create({
        data: {
          tenantId,
          storeId: primary.id,
          ...roleNameColumns(`role_${username}`),
          grants: { create: (options.grants ?? []).map((permission) => ({ permission })) },
        },
      });
  const user = await db.user.create({
    data: {
      tenantId,
      storeId: primary.id,
      ...usernameColumns(username),
      passwordHash,
      memberships: { create: { roleId: role.id } },
    },
  });
  return { id: user.id, username, password, roleId: role.id };
}
