// The synthetic RBAC data of scripts/bench-authz.ts: N users, M roles, 1–5 roles per user and
// 1–4 grants per role drawn from the permission tree. Everything derives from numbers through
// a fixed hash, so every run holds the same data, and the casbin side gets exactly the same.
import Database from "better-sqlite3";
import { ALL_PERMISSIONS } from "../lib/permissions/catalog.ts";
import { nameKey } from "../lib/core/domains.ts";
import { nameSkeleton } from "../lib/stores/look-alike.ts";
import { mix } from "./bench-common.ts";

export type RbacPlan = { users: number; roles: number; tenantId: number; storeId: number; firstUserId: number; firstRoleId: number };

// The root and "/permission/admin" would make most checks trivially true; real roles grant lower nodes.
const GRANTABLE = ALL_PERMISSIONS.map((p) => p.path as string).filter((p) => p.split("/").length > 3);
export const ALL_PATHS: readonly string[] = ALL_PERMISSIONS.map((p) => p.path);

export const userName = (n: number) => `bench_user_${n}`;
export const roleName = (r: number) => `bench_role_${r}`;

/** Role numbers (1-based) held by user n. */
export function rolesOfUser(plan: RbacPlan, n: number): number[] {
  const h = mix(n * 7 + 1);
  const count = 1 + (h % 5);
  return [...new Set(Array.from({ length: count }, (_, i) => 1 + (mix(n * 131 + i) % plan.roles)))];
}

/** Permission paths granted by role r. */
export function grantsOfRole(r: number): string[] {
  const count = 1 + (mix(r * 13 + 5) % 4);
  return [...new Set(Array.from({ length: count }, (_, i) => GRANTABLE[mix(r * 977 + i) % GRANTABLE.length]!))];
}

type Row = (string | number)[];

/** Raw multi-row INSERTs in big transactions, straight through better-sqlite3. */
export function seedRbacSqlite(file: string, plan: RbacPlan): void {
  const conn = new Database(file, { timeout: 10_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = OFF");
  const now = new Date().toISOString().replace("Z", "+00:00");
  const insert = (table: string, columns: string[], rows: Iterable<Row>) => {
    const per = Math.floor(30_000 / columns.length);
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const sql = (n: number) =>
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(n).fill(tuple).join(", ")}`;
    const full = conn.prepare(sql(per));
    let batch: Row[] = [];
    const flush = conn.transaction((rows: Row[]) => (rows.length === per ? full : conn.prepare(sql(rows.length))).run(rows.flat()));
    for (const row of rows) {
      batch.push(row);
      if (batch.length === per) {
        flush(batch);
        batch = [];
      }
    }
    if (batch.length > 0) flush(batch);
  };
  const { users, roles, tenantId, storeId, firstUserId, firstRoleId } = plan;
  insert(
    "Role",
    ["id", "tenantId", "storeId", "name", "nameKey", "nameSkeleton", "createdAt", "updatedAt"],
    (function* () {
      for (let r = 1; r <= roles; r++)
        yield [firstRoleId + r - 1, tenantId, storeId, roleName(r), nameKey(roleName(r)), nameSkeleton(roleName(r)), now, now];
    })(),
  );
  insert(
    "RoleGrant",
    ["roleId", "permission"],
    (function* () {
      for (let r = 1; r <= roles; r++) for (const p of grantsOfRole(r)) yield [firstRoleId + r - 1, p];
    })(),
  );
  insert(
    "User",
    ["id", "tenantId", "storeId", "username", "usernameKey", "usernameSkeleton", "passwordHash", "createdAt", "updatedAt"],
    (function* () {
      for (let n = 1; n <= users; n++)
        yield [
          firstUserId + n - 1,
          tenantId,
          storeId,
          userName(n),
          nameKey(userName(n)),
          nameSkeleton(userName(n)),
          "bench-no-login",
          now,
          now,
        ];
    })(),
  );
  insert(
    "Membership",
    ["userId", "roleId"],
    (function* () {
      for (let n = 1; n <= users; n++) for (const r of rolesOfUser(plan, n)) yield [firstUserId + n - 1, firstRoleId + r - 1];
    })(),
  );
  conn.pragma("wal_checkpoint(TRUNCATE)");
  conn.close();
}
