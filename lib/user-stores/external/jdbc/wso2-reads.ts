import type { DirectoryGroupMembers, DirectoryUser } from "../directory.ts";
import type { JdbcSettings } from "../settings.ts";
import type { Wso2Pool } from "./pool.ts";
import { verifyPassword } from "./wso2-password.ts";

/**
 * The reads of a WSO2 JDBC user database, each scoped to the configured UM_TENANT_ID. Users and
 * roles are paged by UM_ID (keyset), claims come from the default profile of UM_USER_ATTRIBUTE,
 * and a page of roles reads all its members in the same statement.
 */
export const DEFAULT_PROFILE = "default";

type UserRow = { um_id: number; um_user_name: string; attrs: Record<string, string | null> | null };

export function userQueries(pool: Wso2Pool, settings: JdbcSettings) {
  const claimAttributes = Object.entries(settings.claimAttributes);
  const attributeNames = [...new Set(claimAttributes.map(([, attribute]) => attribute))];
  const toUser = (row: UserRow): DirectoryUser => {
    const claims: Record<string, string> = {};
    for (const [claim, attribute] of claimAttributes) {
      const value = row.attrs?.[attribute];
      if (typeof value === "string" && value !== "") claims[claim] = value;
    }
    return { externalId: String(row.um_id), username: row.um_user_name, claims };
  };
  const attrsColumn = `(SELECT json_object_agg(a.UM_ATTR_NAME, a.UM_ATTR_VALUE) FROM UM_USER_ATTRIBUTE a
      WHERE a.UM_USER_ID = u.UM_ID AND a.UM_TENANT_ID = u.UM_TENANT_ID AND a.UM_PROFILE_ID = $2 AND a.UM_ATTR_NAME = ANY($3::text[])) AS attrs`;

  return {
    async *users(): AsyncIterable<DirectoryUser[]> {
      for (let after = -1; ;) {
        const { rows } = await pool.query<UserRow>(
          `SELECT u.UM_ID AS um_id, u.UM_USER_NAME AS um_user_name, ${attrsColumn}
             FROM UM_USER u WHERE u.UM_TENANT_ID = $1 AND u.UM_ID > $4 ORDER BY u.UM_ID LIMIT $5`,
          [settings.wso2TenantId, DEFAULT_PROFILE, attributeNames, after, settings.pageSize],
        );
        if (rows.length > 0) yield rows.map(toUser);
        if (rows.length < settings.pageSize) return;
        after = rows[rows.length - 1]!.um_id;
      }
    },

    async *groups(): AsyncIterable<DirectoryGroupMembers[]> {
      for (let after = -1; ;) {
        // One join per page (UM_USER_ROLE has no index by role); its foreign key keeps each member a user of the same tenant.
        // Members travel as one comma-joined text: parsing a 5,000-element int[] in JS costs more than the query.
        // Shared roles (UM_SHARED_ROLE) span tenants through UM_SHARED_USER_ROLE; WSO2 lists them apart, and so do we: not at all.
        const { rows } = await pool.query<{ um_id: number; um_role_name: string; members: string }>(
          `WITH page AS (
             SELECT UM_ID, UM_ROLE_NAME FROM UM_ROLE
              WHERE UM_TENANT_ID = $1 AND UM_ID > $2 AND NOT COALESCE(UM_SHARED_ROLE, FALSE)
              ORDER BY UM_ID LIMIT $3)
           SELECT p.UM_ID AS um_id, p.UM_ROLE_NAME AS um_role_name,
                  COALESCE(string_agg(ur.UM_USER_ID::text, ','), '') AS members
             FROM page p LEFT JOIN UM_USER_ROLE ur ON ur.UM_ROLE_ID = p.UM_ID AND ur.UM_TENANT_ID = $1
            GROUP BY p.UM_ID, p.UM_ROLE_NAME ORDER BY p.UM_ID`,
          [settings.wso2TenantId, after, settings.pageSize],
        );
        if (rows.length > 0)
          yield rows.map((row) => ({
            externalId: String(row.um_id),
            name: row.um_role_name,
            memberIds: row.members === "" ? [] : row.members.split(","),
          }));
        if (rows.length < settings.pageSize) return;
        after = rows[rows.length - 1]!.um_id;
      }
    },

    async findGroup(externalId: string): Promise<DirectoryGroupMembers | null> {
      const id = parseId(externalId);
      if (id === null) return null;
      const { rows } = await pool.query<{ um_role_name: string; members: string }>(
        `SELECT r.UM_ROLE_NAME AS um_role_name, COALESCE(string_agg(ur.UM_USER_ID::text, ','), '') AS members
           FROM UM_ROLE r LEFT JOIN UM_USER_ROLE ur ON ur.UM_ROLE_ID = r.UM_ID AND ur.UM_TENANT_ID = r.UM_TENANT_ID
          WHERE r.UM_ID = $1 AND r.UM_TENANT_ID = $2 AND NOT COALESCE(r.UM_SHARED_ROLE, FALSE)
          GROUP BY r.UM_ROLE_NAME`,
        [id, settings.wso2TenantId],
      );
      const row = rows[0];
      return row ? { externalId, name: row.um_role_name, memberIds: row.members === "" ? [] : row.members.split(",") } : null;
    },

    async findUser(username: string): Promise<(DirectoryUser & { groupIds: string[] }) | null> {
      // No stored name is longer or holds a NUL (PostgreSQL text cannot), so such input names nobody.
      if (username.length > 255 || username.includes("\u0000")) return null;
      // WSO2's JDBCCaseInsensitiveConstants compare LOWER(UM_USER_NAME)=LOWER(?); an exact match wins where old data has both spellings.
      const match = settings.caseInsensitiveUsername ? "LOWER(u.UM_USER_NAME) = LOWER($4)" : "u.UM_USER_NAME = $4";
      const { rows } = await pool.query<UserRow & { groups: number[] }>(
        `SELECT u.UM_ID AS um_id, u.UM_USER_NAME AS um_user_name, ${attrsColumn},
                COALESCE((SELECT array_agg(ur.UM_ROLE_ID ORDER BY ur.UM_ROLE_ID) FROM UM_USER_ROLE ur
                           JOIN UM_ROLE r ON r.UM_ID = ur.UM_ROLE_ID AND r.UM_TENANT_ID = ur.UM_TENANT_ID
                          WHERE ur.UM_USER_ID = u.UM_ID AND ur.UM_TENANT_ID = u.UM_TENANT_ID
                            AND NOT COALESCE(r.UM_SHARED_ROLE, FALSE)), '{}') AS groups
           FROM UM_USER u WHERE u.UM_TENANT_ID = $1 AND ${match}
          ORDER BY (u.UM_USER_NAME = $4) DESC, u.UM_ID LIMIT 1`,
        [settings.wso2TenantId, DEFAULT_PROFILE, attributeNames, username],
      );
      const row = rows[0];
      return row ? { ...toUser(row), groupIds: row.groups.map(String) } : null;
    },

    async authenticate(externalId: string, password: string): Promise<boolean> {
      const id = parseId(externalId);
      const { rows } =
        id === null
          ? { rows: [] }
          : await pool.query<{ password: string; salt: string | null; expired: boolean }>(
              // WSO2 refuses a password an admin set with "require change" once 24 hours have passed.
              `SELECT UM_USER_PASSWORD AS password, UM_SALT_VALUE AS salt,
                      COALESCE(UM_REQUIRE_CHANGE, FALSE) AND UM_CHANGED_TIME < LOCALTIMESTAMP - INTERVAL '24 hours' AS expired
                 FROM UM_USER WHERE UM_ID = $1 AND UM_TENANT_ID = $2`,
              [id, settings.wso2TenantId],
            );
      const row = rows[0];
      // An unknown user costs the same hash as a known one, so timing does not reveal which names exist.
      // WSO2 reads UM_SALT_VALUE only when StoreSaltedPassword is on, and writes "" for "no salt".
      const salt = row ? (settings.storeSaltedPassword && row.salt ? row.salt : null) : "-";
      const valid = verifyPassword(password, row?.password ?? "", salt, settings.passwordDigest);
      return row !== undefined && valid && !row.expired;
    },
  };
}

/** UM_ID as the externalId of users and roles; anything else names no row. */
export function parseId(externalId: string): number | null {
  if (!/^\d{1,10}$/.test(externalId)) return null;
  const id = Number(externalId);
  return id <= 2_147_483_647 ? id : null;
}
