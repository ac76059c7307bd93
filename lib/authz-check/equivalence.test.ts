// The compiled snapshot must answer exactly as the decision API did before it: this file keeps
// that former decision (roles and grants read through Prisma, tree semantics by implies(), the
// scope mapping as loadMappingState returns it) as the oracle, and compares both on random data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisionedDatabase, databaseKinds, type ProvisionedDatabase } from "../../testing/databases.ts";
import { PRIMARY, nameKey, qualifiedName } from "../core/domains.ts";
import { ALL_PERMISSIONS } from "../permissions/catalog.ts";
import { implies } from "../permissions/paths.ts";
import { loadMappingState, roleName, type MappingState } from "../scopes/mapping-state.ts";
import { roleNameColumns, usernameColumns } from "../stores/look-alike.ts";
import type { Db } from "../db/client.ts";
import { readAuthzVersion } from "../authz/version.ts";
import { clearAuthzCache } from "./cache.ts";
import { checkAccessBatch, type AccessCheck, type AccessDecision } from "./check-access.ts";

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s % n;
  };
}

type OracleRole = { id: number; name: string; grants: string[] };

async function oracleRoles(db: Db, tenantId: number, userId: number): Promise<OracleRole[]> {
  const rows = await db.role.findMany({
    where: { tenantId, OR: [{ memberships: { some: { userId } } }, { kind: "everyone" }] },
    select: { id: true, name: true, store: { select: { domain: true } }, grants: { select: { permission: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: qualifiedName(r.store.domain, r.name), grants: r.grants.map((g) => g.permission) }));
}

const deny = (code: string, message: string): AccessDecision =>
  ({ allowed: false, reason: { code, message, roles: [], aliases: [] } }) as AccessDecision;

/** The decision as lib/authz-check answered it before the compiled snapshot. */
function oracle(roles: OracleRole[] | null, check: AccessCheck, mapping: MappingState): AccessDecision {
  if (!roles) return deny("unknown-user", `No user ${check.user} in this tenant.`);
  if ("permission" in check) {
    if (!ALL_PERMISSIONS.some((p) => p.path === check.permission))
      return deny("unknown-permission", `${check.permission} is not a node of the permission tree.`);
    const names = roles
      .filter((r) => r.grants.some((g) => implies(g, check.permission)))
      .map((r) => r.name)
      .sort();
    if (names.length === 0) return deny("not-granted", `None of the user's roles grants ${check.permission} or an ancestor of it.`);
    return { allowed: true, reason: { code: "granted", message: `Granted by ${names.join(", ")}.`, roles: names, aliases: [] } };
  }
  const scope = mapping.scopes.find((s) => s.name === check.scope);
  if (!scope) return deny("unknown-scope", `No scope ${check.scope} in this tenant.`);
  const held = new Set(roles.map((r) => r.id));
  const direct = roles
    .filter((r) => scope.roleIds.has(r.id))
    .map((r) => r.name)
    .sort();
  const aliases = mapping.aliases
    .filter((a) => held.has(a.aliasRoleId) && scope.roleIds.has(a.roleId))
    .map((a) => ({ role: roleName(mapping, a.aliasRoleId), aliasOf: roleName(mapping, a.roleId) }))
    .sort((x, y) => (x.role + x.aliasOf).localeCompare(y.role + y.aliasOf));
  if (direct.length === 0 && aliases.length === 0)
    return deny("not-granted", `None of the user's roles (or their aliases) is mapped to ${check.scope}.`);
  const via = [...direct, ...aliases.map((a) => `${a.role} (alias of ${a.aliasOf})`)];
  return { allowed: true, reason: { code: "granted", message: `Granted by ${via.join(", ")}.`, roles: direct, aliases } };
}

describe.each(await databaseKinds())("the compiled snapshot against the former decision on %s", (kind) => {
  let t: ProvisionedDatabase;
  let tenantId: number;

  beforeAll(async () => {
    t = await createProvisionedDatabase(kind);
    tenantId = t.tenantId;
  });
  afterAll(() => t.drop());

  it.each([1, 2, 3])("agrees on 1,500 random checks over random roles, grants, memberships, scopes and aliases (seed %i)", async (seed) => {
    const next = random(seed * 7919);
    const store = await t.db.userStore.findUniqueOrThrow({ where: { tenantId_domain: { tenantId, domain: PRIMARY } } });
    // Tree nodes plus a few grants that are not nodes: a shared prefix must not leak to a sibling.
    const grantPool = [...ALL_PERMISSIONS.map((p) => p.path as string), "/permission/admin/log", "/permission/admin/manage/"];
    const roles: { id: number }[] = [];
    for (let r = 0; r < 25; r++) {
      const grants = [...new Set(Array.from({ length: next(4) }, () => grantPool[next(grantPool.length)]!))];
      roles.push(
        await t.db.role.create({
          data: {
            tenantId,
            storeId: store.id,
            ...roleNameColumns(`eq${seed}_${r % 2 ? "B" : "a"}role_${r}`),
            grants: { create: grants.map((permission) => ({ permission })) },
          },
        }),
      );
    }
    const everyone = await t.db.role.findFirstOrThrow({ where: { tenantId, kind: "everyone" } });
    await t.db.roleGrant.deleteMany({ where: { roleId: everyone.id } });
    await t.db.roleGrant.create({ data: { roleId: everyone.id, permission: grantPool[next(grantPool.length)]! } });
    const users: { id: number; username: string; usernameKey: string }[] = [];
    for (let u = 0; u < 40; u++) {
      const held = [...new Set(Array.from({ length: next(4) }, () => roles[next(roles.length)]!.id))];
      users.push(
        await t.db.user.create({
          data: {
            tenantId,
            storeId: store.id,
            ...usernameColumns(`eq${seed}_User_${u}`),
            passwordHash: "x",
            memberships: { create: held.map((roleId) => ({ roleId })) },
          },
        }),
      );
    }
    const scopes: { name: string }[] = [];
    for (let s = 0; s < 6; s++) {
      const mapped = [...new Set(Array.from({ length: next(3) }, () => roles[next(roles.length)]!.id))];
      scopes.push(
        await t.db.apiScope.create({
          data: { tenantId, name: `eq${seed}:scope_${s}`, roles: { create: mapped.map((roleId) => ({ roleId })) } },
        }),
      );
    }
    for (let a = 0; a < 6; a++) {
      const [roleId, aliasRoleId] = [roles[next(roles.length)]!.id, roles[next(roles.length)]!.id];
      if (roleId !== aliasRoleId)
        await t.db.roleAlias.upsert({
          where: { roleId_aliasRoleId: { roleId, aliasRoleId } },
          create: { roleId, aliasRoleId },
          update: {},
        });
    }

    const spell = (name: string) => [name, name.toUpperCase(), `PRIMARY/${name}`, `primary/${name.toLowerCase()}`][next(4)]!;
    const checks: AccessCheck[] = Array.from({ length: 1500 }, () => {
      const user = next(10) === 0 ? `ghost_${next(5)}` : spell(users[next(users.length)]!.username);
      if (next(3) === 0) return { user, scope: next(8) === 0 ? "eq:none" : scopes[next(scopes.length)]!.name };
      return { user, permission: next(15) === 0 ? "/permission/admin/log" : ALL_PERMISSIONS[next(ALL_PERMISSIONS.length)]!.path };
    });

    clearAuthzCache();
    const answers = await checkAccessBatch(t.db, tenantId, checks.slice(0, 700), { version: await readAuthzVersion(t.db, tenantId) });
    answers.push(...(await checkAccessBatch(t.db, tenantId, checks.slice(700))));
    const mapping = await loadMappingState(t.db, tenantId);
    const byKey = new Map(users.map((u) => [u.usernameKey, u.id]));
    const rolesOf = new Map<number, OracleRole[]>();
    for (const u of users) rolesOf.set(u.id, await oracleRoles(t.db, tenantId, u.id));
    const expected = checks.map((c) => {
      const id = byKey.get(nameKey(c.user.replace(/^primary\//i, "")));
      return oracle(id === undefined ? null : rolesOf.get(id)!, c, mapping);
    });
    expect(answers).toEqual(expected);
    expect(answers.some((a) => a.allowed && a.reason.roles.length > 1)).toBe(true);
  });
});
