import crypto from "node:crypto";
import type pg from "pg";
import { AppError } from "../../../errors.ts";
import { withoutUnmappedClears } from "../claim-map.ts";
import type { DirectoryGroup, DirectoryUser } from "../directory.ts";
import type { JdbcSettings } from "../settings.ts";
import type { Wso2Pool } from "./pool.ts";
import { hashPassword, newSalt } from "./wso2-password.ts";
import { DEFAULT_PROFILE, parseId } from "./wso2-reads.ts";

/**
 * Writes in the rows WSO2's JDBCUserStoreManager / UniqueIDJDBCUserStoreManager write (see
 * JDBCRealmConstants), each in one transaction, so a WSO2 server on the same database reads them
 * back: a new user gets a fresh salt and, where the schema has it (IS 5.10+), a UUID UM_USER_ID.
 */
const MAX_NAME = 255; // UM_USER_NAME / UM_ROLE_NAME are VARCHAR(255)
// UniqueIDJDBCUserStoreManager.doAddUserWithID stores these two claims itself; they are WSO2's to set, not an admin's.
const USER_ID_CLAIM = "http://wso2.org/claims/userid";
const USERNAME_CLAIM = "http://wso2.org/claims/username";

export function userWrites(pool: Wso2Pool, settings: JdbcSettings) {
  const tenant = settings.wso2TenantId;
  let hasUniqueIdColumn: Promise<boolean> | undefined;
  const uniqueIdColumn = (client: pg.PoolClient) =>
    (hasUniqueIdColumn ??= client
      .query<{ present: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('um_user') AND attname = 'um_user_id' AND NOT attisdropped) AS present`,
      )
      .then((result) => result.rows[0]?.present === true)
      .catch((error: unknown) => {
        hasUniqueIdColumn = undefined;
        throw error;
      }));

  const attributeFor = (claim: string): string => {
    if (claim === USER_ID_CLAIM || claim === USERNAME_CLAIM)
      throw new AppError("INVALID_INPUT", `The claim ${claim} is kept by WSO2 and cannot be set.`);
    const attribute = settings.claimAttributes[claim];
    if (!attribute)
      throw new AppError("INVALID_INPUT", `The claim ${claim} is not mapped to a WSO2 user attribute in this store's settings.`);
    return attribute;
  };

  async function writeClaims(client: pg.PoolClient, userId: number, claims: Record<string, string>): Promise<void> {
    await writeAttributes(
      client,
      userId,
      Object.entries(withoutUnmappedClears(claims, settings.claimAttributes)).map(([claim, value]) => [attributeFor(claim), value]),
    );
  }

  async function writeAttributes(client: pg.PoolClient, userId: number, attributes: [string, string][]): Promise<void> {
    for (const [attribute, value] of attributes) {
      const scope = [userId, attribute, DEFAULT_PROFILE, tenant];
      // An empty value removes the attribute, as WSO2's profile editor does.
      await client.query(
        `DELETE FROM UM_USER_ATTRIBUTE WHERE UM_USER_ID = $1 AND UM_ATTR_NAME = $2 AND UM_PROFILE_ID = $3 AND UM_TENANT_ID = $4`,
        scope,
      );
      if (value !== "")
        await client.query(
          `INSERT INTO UM_USER_ATTRIBUTE (UM_USER_ID, UM_ATTR_NAME, UM_ATTR_VALUE, UM_PROFILE_ID, UM_TENANT_ID) VALUES ($1, $2, $5, $3, $4)`,
          [...scope, value],
        );
    }
  }

  async function lockUser(client: pg.PoolClient, externalId: string): Promise<{ id: number; name: string }> {
    const id = parseId(externalId);
    const { rows } =
      id === null
        ? { rows: [] }
        : await client.query<{ name: string }>(
            `SELECT UM_USER_NAME AS name FROM UM_USER WHERE UM_ID = $1 AND UM_TENANT_ID = $2 FOR UPDATE`,
            [id, tenant],
          );
    if (id === null || !rows[0]) throw new AppError("NOT_FOUND", "That user is not in the WSO2 user database.");
    return { id, name: rows[0].name };
  }

  async function lockRole(client: pg.PoolClient, externalId: string): Promise<{ id: number; name: string }> {
    const id = parseId(externalId);
    const { rows } =
      id === null
        ? { rows: [] }
        : await client.query<{ name: string }>(
            `SELECT UM_ROLE_NAME AS name FROM UM_ROLE WHERE UM_ID = $1 AND UM_TENANT_ID = $2 FOR UPDATE`,
            [id, tenant],
          );
    if (id === null || !rows[0]) throw new AppError("NOT_FOUND", "That role is not in the WSO2 user database.");
    return { id, name: rows[0].name };
  }

  // The unique key on UM_USER_NAME is case-sensitive; WSO2 refuses "Alice" beside "alice" when names are case-insensitive, so must we.
  async function refuseCaseVariant(client: pg.PoolClient, username: string): Promise<void> {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(LOWER($1)))`, [username]);
    const { rows } = await client.query(`SELECT 1 FROM UM_USER WHERE LOWER(UM_USER_NAME) = LOWER($1) AND UM_TENANT_ID = $2`, [
      username,
      tenant,
    ]);
    if (rows.length > 0)
      throw new AppError("CONFLICT", "The WSO2 user database already has a user with that name (names are case-insensitive).");
  }

  function memberIds(userIds: readonly string[]): number[] {
    const ids = [...new Set(userIds)].map(parseId);
    if (ids.some((id) => id === null)) throw new AppError("NOT_FOUND", "A member is not in the WSO2 user database.");
    return ids as number[];
  }

  async function insertMembers(client: pg.PoolClient, roleId: number, ids: number[]): Promise<void> {
    const { rows } = await client.query<{ found: number }>(
      `SELECT count(*)::int AS found FROM UM_USER WHERE UM_ID = ANY($1::int[]) AND UM_TENANT_ID = $2`,
      [ids, tenant],
    );
    if (rows[0]!.found !== ids.length) throw new AppError("NOT_FOUND", "A member is not in the WSO2 user database.");
    await client.query(
      `INSERT INTO UM_USER_ROLE (UM_USER_ID, UM_ROLE_ID, UM_TENANT_ID)
       SELECT id, $2, $3 FROM unnest($1::int[]) AS id ON CONFLICT DO NOTHING`,
      [ids, roleId, tenant],
    );
  }

  return {
    async createUser(user: { username: string; password: string; claims: Record<string, string> }): Promise<DirectoryUser> {
      const username = checkName(user.username, "user");
      for (const claim of Object.keys(withoutUnmappedClears(user.claims, settings.claimAttributes))) attributeFor(claim);
      const salt = newSalt(settings);
      const hash = hashPassword(user.password, salt, settings.passwordDigest);
      return pool.transaction(async (client) => {
        if (settings.caseInsensitiveUsername) await refuseCaseVariant(client, username);
        const userId = (await uniqueIdColumn(client)) ? crypto.randomUUID() : null;
        const { rows } = userId
          ? await client.query<{ id: number }>(
              `INSERT INTO UM_USER (UM_USER_ID, UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID)
               VALUES ($1, $2, $3, $4, FALSE, LOCALTIMESTAMP, $5) RETURNING UM_ID AS id`,
              [userId, username, hash, salt ?? "", tenant],
            )
          : await client.query<{ id: number }>(
              `INSERT INTO UM_USER (UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID)
               VALUES ($1, $2, $3, FALSE, LOCALTIMESTAMP, $4) RETURNING UM_ID AS id`,
              [username, hash, salt ?? "", tenant],
            );
        const id = rows[0]!.id;
        await writeClaims(client, id, user.claims);
        const managed: Record<string, string> = { [USERNAME_CLAIM]: username, ...(userId ? { [USER_ID_CLAIM]: userId } : {}) };
        const mapped = Object.entries(managed).filter(([claim]) => settings.claimAttributes[claim] !== undefined);
        await writeAttributes(
          client,
          id,
          mapped.map(([claim, value]) => [settings.claimAttributes[claim]!, value]),
        );
        const claims = Object.fromEntries([...Object.entries(user.claims).filter(([, value]) => value !== ""), ...mapped]);
        return { externalId: String(id), username, claims };
      });
    },

    async setPassword(externalId: string, password: string): Promise<void> {
      const salt = newSalt(settings);
      const hash = hashPassword(password, salt, settings.passwordDigest);
      await pool.transaction(async (client) => {
        const user = await lockUser(client, externalId);
        await client.query(
          `UPDATE UM_USER SET UM_USER_PASSWORD = $1, UM_SALT_VALUE = $2, UM_REQUIRE_CHANGE = FALSE, UM_CHANGED_TIME = LOCALTIMESTAMP
            WHERE UM_ID = $3 AND UM_TENANT_ID = $4`,
          [hash, salt ?? "", user.id, tenant],
        );
      });
    },

    async setClaims(externalId: string, claims: Record<string, string>): Promise<void> {
      for (const claim of Object.keys(withoutUnmappedClears(claims, settings.claimAttributes))) attributeFor(claim);
      await pool.transaction(async (client) => writeClaims(client, (await lockUser(client, externalId)).id, claims));
    },

    async deleteUser(externalId: string): Promise<void> {
      await pool.transaction(async (client) => {
        const user = await lockUser(client, externalId);
        const scope = [user.id, tenant];
        // WSO2's DeleteUserSQL and its On-delete companions; UM_USER_PERMISSION is keyed by name.
        await client.query(`DELETE FROM UM_USER_ROLE WHERE UM_USER_ID = $1 AND UM_TENANT_ID = $2`, scope);
        await client.query(`DELETE FROM UM_USER_ATTRIBUTE WHERE UM_USER_ID = $1 AND UM_TENANT_ID = $2`, scope);
        await client.query(`DELETE FROM UM_USER_PERMISSION WHERE UM_USER_NAME = $1 AND UM_TENANT_ID = $2`, [user.name, tenant]);
        await client.query(`DELETE FROM UM_USER WHERE UM_ID = $1 AND UM_TENANT_ID = $2`, scope);
      });
    },

    /** The role and its first members in one transaction (WSO2's addRole with a user list). */
    async createGroup(name: string, userIds: readonly string[] = []): Promise<DirectoryGroup> {
      const roleName = checkName(name, "role");
      const ids = memberIds(userIds);
      return pool.transaction(async (client) => {
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO UM_ROLE (UM_ROLE_NAME, UM_TENANT_ID) VALUES ($1, $2) RETURNING UM_ID AS id`,
          [roleName, tenant],
        );
        const id = rows[0]!.id;
        if (ids.length > 0) await insertMembers(client, id, ids);
        return { externalId: String(id), name: roleName };
      });
    },

    /** WSO2's UpdateRoleNameSQL: the row keeps its UM_ID, so memberships and the mirror's externalId follow. */
    async renameGroup(externalId: string, name: string): Promise<DirectoryGroup> {
      const roleName = checkName(name, "role");
      await pool.transaction(async (client) => {
        const role = await lockRole(client, externalId);
        await client.query(`UPDATE UM_ROLE SET UM_ROLE_NAME = $1 WHERE UM_ID = $2 AND UM_TENANT_ID = $3`, [roleName, role.id, tenant]);
        // Permissions WSO2 keyed by the old name would otherwise be lost to it (OnUpdateRoleNameUpdatePermissionsSQL).
        await client.query(
          `UPDATE UM_ROLE_PERMISSION SET UM_ROLE_NAME = $1 WHERE UM_ROLE_NAME = $2 AND UM_TENANT_ID = $3
              AND UM_DOMAIN_ID IN (SELECT UM_DOMAIN_ID FROM UM_DOMAIN WHERE UPPER(UM_DOMAIN_NAME) = UPPER($4) AND UM_TENANT_ID = $3)`,
          [roleName, role.name, tenant, settings.domainName],
        );
      });
      return { externalId, name: roleName };
    },

    async deleteGroup(externalId: string): Promise<void> {
      await pool.transaction(async (client) => {
        const role = await lockRole(client, externalId);
        await client.query(`DELETE FROM UM_USER_ROLE WHERE UM_ROLE_ID = $1 AND UM_TENANT_ID = $2`, [role.id, tenant]);
        // A role created later under the same name must not inherit this one's permissions (OnDeleteRoleRemovePermissionsSQL).
        await client.query(
          `DELETE FROM UM_ROLE_PERMISSION WHERE UM_ROLE_NAME = $1 AND UM_TENANT_ID = $2
              AND UM_DOMAIN_ID IN (SELECT UM_DOMAIN_ID FROM UM_DOMAIN WHERE UPPER(UM_DOMAIN_NAME) = UPPER($3) AND UM_TENANT_ID = $2)`,
          [role.name, tenant, settings.domainName],
        );
        await client.query(`DELETE FROM UM_ROLE WHERE UM_ID = $1 AND UM_TENANT_ID = $2`, [role.id, tenant]);
      });
    },

    async addMembers(groupId: string, userIds: readonly string[]): Promise<void> {
      const ids = memberIds(userIds);
      await pool.transaction(async (client) => insertMembers(client, (await lockRole(client, groupId)).id, ids));
    },

    async removeMembers(groupId: string, userIds: readonly string[]): Promise<void> {
      const ids = memberIds(userIds);
      await pool.transaction(async (client) => {
        const role = await lockRole(client, groupId);
        await client.query(`DELETE FROM UM_USER_ROLE WHERE UM_ROLE_ID = $1 AND UM_USER_ID = ANY($2::int[]) AND UM_TENANT_ID = $3`, [
          role.id,
          ids,
          tenant,
        ]);
      });
    },
  };
}

function checkName(name: string, what: "user" | "role"): string {
  if (name.length === 0 || name.length > MAX_NAME || name !== name.trim())
    throw new AppError("INVALID_INPUT", `A WSO2 ${what} name has 1 to ${MAX_NAME} characters and no surrounding spaces.`);
  if (name.includes("\u0000")) throw new AppError("INVALID_INPUT", `A WSO2 ${what} name cannot contain a NUL character.`);
  // WSO2 reads "DOMAIN/name" as a domain-qualified name, so a slash would change what the name means there.
  if (name.includes("/")) throw new AppError("INVALID_INPUT", `A WSO2 ${what} name cannot contain "/".`);
  return name;
}
