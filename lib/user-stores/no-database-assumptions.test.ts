import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/*
 * "Nothing above the user-store interface may assume the database": only lib/user-stores reads
 * or writes the User and Membership tables, through Prisma or raw SQL. Test files seed data and
 * are not checked. Each exception below says why it remains; shrink the list, never grow it
 * without a reason of the same kind.
 */
const ALLOWED: Record<string, string> = {
  "lib/auth/attempts.ts":
    "the lockout counters sit on the User row: Gatehouse's sign-in state, not the store's (#13 keeps them for external users)",
  "lib/authz/principal.ts":
    "a session's roles and grants from Gatehouse's membership rows; the policy layer sits below the user stores and may not import them",
  "lib/authz-check/subjects.ts": "the decision API loads many users' roles in one statement per chunk, from the same rows as principal.ts",
  "lib/user-import/import-actor.ts":
    "the import's starter as their next request would see them: Gatehouse's disabled flag and the store's and tenant's state, as lib/sessions reads them",
  "lib/management/bootstrap-admin.ts": "creates the first admin in PRIMARY, which is always Gatehouse's own database",
  "lib/provisioning/provision-tenant.ts":
    "creates the configured super admin, and each new tenant's admin, in PRIMARY, which is always Gatehouse's own database",
  "lib/sessions/resolve-session.ts":
    "a request's one statement joins the session's user row (name, password flag) with the tenant's authorization version",
  "lib/sessions/list-sessions.ts":
    "joins each session's user row for the name shown and searched; sessions exist only for users with a row",
  "lib/scim/filter-sql.ts":
    "SCIM filters become one WHERE over the users, memberships and claims: every store's rows are there (external stores are mirrored), and no UserStore method takes a filter tree",
  "lib/scim/scim-reads.ts":
    "the SCIM lists' COUNT and OFFSET page under that WHERE, and their pages' groups and members, one statement each",
  "lib/stores/backfill-name-keys.ts": "start-up maintenance of the User table's name keys, under the migration lock",
  "lib/tenants/dashboard.ts": "a capped count for the dashboard's tile, cheaper than the store's exact count",
  "lib/tenants/list-tenants.ts":
    "WSO2's tenant owners: the admin-role members of many tenants in one statement; a user store serves one tenant",
  "lib/tenants/tenant-lifecycle.ts": "the deleted tenant's user count for its audit event, in the delete's transaction",
};

const PRISMA =
  /\.(user|membership)\.(findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy)\b/;
const RAW_SQL = /\b(FROM|JOIN|INTO|UPDATE)\s+"(User|Membership)"/i;

const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return path === "lib/db/generated" || path === "lib/user-stores" ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("the user-store boundary", () => {
  const files = ["lib", "app", "components"].flatMap(sources);
  const touching = files.filter((path) => {
    const text = readFileSync(join(root, path), "utf8");
    return PRISMA.test(text) || RAW_SQL.test(text);
  });

  it("keeps the User and Membership tables inside lib/user-stores, except where a reason is written down", () => {
    expect(touching.filter((path) => !(path in ALLOWED))).toEqual([]);
  });

  it("has no stale exceptions", () => {
    expect(Object.keys(ALLOWED).filter((path) => !touching.includes(path))).toEqual([]);
  });
});
