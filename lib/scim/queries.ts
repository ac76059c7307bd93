/**
 * The SCIM reads as commands (ARCHITECTURE.md, "Commands"): Users and Groups lists, one of
 * each by id, and the caller's own account (/Me). Each runs in the actor's tenant; another
 * tenant's id finds nothing, exactly like an id that does not exist.
 */
import { z } from "zod";
import { defineCommand } from "../authz/command.ts";
import type { Db } from "../db/client.ts";
import { sql, type Sql } from "../db/sql.ts";
import { AppError } from "../errors.ts";
import { SCIM_DEFAULT_COUNT, SCIM_LIST_RESPONSE } from "../contracts/scim.ts";
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER } from "./attribute-map.ts";
import { loadScimDialect, type ScimDialect } from "./dialect.ts";
import { groupFilterSql, parseFilter, userFilterSql } from "./filter-sql.ts";
import { groupResource, parseProjection, project, userResource, wants, type Projection, type Resource } from "./resources.ts";
import { readGroupsOfUsers, readMembers, readScimGroups, readScimUsers, readUserClaims, type Window } from "./scim-reads.ts";
import { groupOrder, userOrder } from "./sort.ts";
import { groupCursor, userCursor } from "./cursor.ts";

const ZProjection = z.object({
  /** Where the resources live, for meta.location and $ref: ".../scim2" or ".../t/{tenant}/scim2". */
  base: z.string(),
  attributes: z.array(z.string()).optional(),
  excludedAttributes: z.array(z.string()).optional(),
});
const ZList = ZProjection.extend({
  filter: z.string().optional(),
  sortBy: z.string().optional(),
  sortOrder: z.enum(["ascending", "descending"]).optional(),
  startIndex: z.number().int().min(1).default(1),
  count: z.number().int().min(0).default(SCIM_DEFAULT_COUNT),
  /** RFC 9865: "" for the first page, then the nextCursor an answer gave; absent for startIndex paging. */
  cursor: z.string().optional(),
});
const ZById = ZProjection.extend({ id: z.number().int() });

export type ScimList = {
  schemas: string[];
  totalResults: number;
  itemsPerPage: number;
  startIndex?: number;
  nextCursor?: string;
  Resources: Resource[];
};
export type ScimOne = { resource: Resource; version: number };

const USER_SCHEMAS = [CORE_USER, ENTERPRISE_USER] as const;
const GROUP_SCHEMAS = [CORE_GROUP] as const;
const window = (input: { startIndex: number; count: number }): Window => ({ offset: input.startIndex - 1, limit: input.count });
const listOf = (total: number, startIndex: number, resources: Resource[]): ScimList => ({
  schemas: [SCIM_LIST_RESPONSE],
  totalResults: total,
  itemsPerPage: resources.length,
  startIndex,
  Resources: resources,
});

/** A cursor page: read one row more than `count`; when it came, the last shown row's key is nextCursor. */
function cursorList<R>(total: number, rows: R[], resources: Resource[], count: number, next: (row: R) => string): ScimList {
  const shown = resources.slice(0, count);
  const last = rows[count - 1];
  return {
    schemas: [SCIM_LIST_RESPONSE],
    totalResults: total,
    itemsPerPage: shown.length,
    ...(rows.length > count && last ? { nextCursor: next(last) } : {}),
    Resources: shown,
  };
}

async function users(
  client: Db,
  tenantId: number,
  base: string,
  where: Sql,
  order: Sql,
  win: Window,
  projection: Projection,
  dialect: ScimDialect,
  counted = true,
  after?: Sql,
) {
  const { total, rows } = await readScimUsers(client, tenantId, where, order, win, counted, after);
  const ids = rows.map((r) => r.id);
  const claims = ids.length ? await readUserClaims(client, ids, dialect.mappedClaims) : new Map();
  const groups = ids.length && wants(projection, "groups") ? await readGroupsOfUsers(client, tenantId, ids) : undefined;
  const resources = rows.map((r) =>
    project(userResource(base, r, claims.get(r.id) ?? {}, groups ? (groups.get(r.id) ?? []) : undefined, dialect), projection),
  );
  return { total, rows, resources };
}

async function groups(
  client: Db,
  tenantId: number,
  base: string,
  where: Sql,
  order: Sql,
  win: Window,
  projection: Projection,
  counted = true,
  after?: Sql,
) {
  const { total, rows } = await readScimGroups(client, tenantId, where, order, win, counted, after);
  const ids = rows.map((r) => r.id);
  const members = ids.length && wants(projection, "members") ? await readMembers(client, tenantId, ids) : undefined;
  const resources = rows.map((r) => project(groupResource(base, r, members ? (members.get(r.id) ?? []) : undefined), projection));
  return { total, rows, resources };
}

const ALL = sql`1=1`;

export const scimUsersQuery = defineCommand({
  feature: "users.list",
  input: ZList,
  rule: "The actor's tenant's users, filtered, sorted and paged in the database.",
  run: async (client, actor, input) => {
    const dialect = await loadScimDialect(client, actor.tenantId);
    const where = input.filter === undefined ? ALL : userFilterSql(parseFilter(input.filter), dialect);
    const descending = input.sortOrder === "descending";
    const projection = parseProjection(input.attributes, input.excludedAttributes, USER_SCHEMAS);
    if (input.cursor !== undefined) {
      const c = userCursor(input.sortBy, descending, input.cursor);
      const win = { offset: 0, limit: input.count + 1 };
      const page = await users(client, actor.tenantId, input.base, where, c.order, win, projection, dialect, true, c.after);
      return cursorList(page.total, page.rows, page.resources, input.count, c.next);
    }
    const order = userOrder(input.sortBy, descending, dialect);
    const { total, resources } = await users(client, actor.tenantId, input.base, where, order, window(input), projection, dialect);
    return listOf(total, input.startIndex, resources);
  },
});

async function oneUser(client: Db, tenantId: number, input: z.output<typeof ZById>): Promise<ScimOne> {
  const projection = parseProjection(input.attributes, input.excludedAttributes, USER_SCHEMAS);
  const { rows, resources } = await users(
    client,
    tenantId,
    input.base,
    sql`u."id" = ${input.id}`,
    sql`u."id"`,
    { offset: 0, limit: 1 },
    projection,
    await loadScimDialect(client, tenantId),
    false,
  );
  if (!rows[0] || !resources[0]) throw new AppError("NOT_FOUND", `No user with id ${input.id}.`);
  return { resource: resources[0], version: rows[0].version };
}

export const scimUserQuery = defineCommand({
  feature: "users.list",
  input: ZById,
  rule: "A user of the actor's tenant; any other id is not found.",
  run: (client, actor, input) => oneUser(client, actor.tenantId, input),
});

export const scimMeQuery = defineCommand({
  feature: "self",
  input: ZProjection,
  rule: "The caller's own account only.",
  run: (client, actor, input) => oneUser(client, actor.tenantId, { ...input, id: actor.userId }),
});

export const scimGroupsQuery = defineCommand({
  feature: "roles.list",
  input: ZList,
  rule: "The actor's tenant's roles (SCIM groups), filtered, sorted and paged in the database.",
  run: async (client, actor, input) => {
    const where = input.filter === undefined ? ALL : groupFilterSql(parseFilter(input.filter));
    const descending = input.sortOrder === "descending";
    const projection = parseProjection(input.attributes, input.excludedAttributes, GROUP_SCHEMAS);
    if (input.cursor !== undefined) {
      const c = groupCursor(input.sortBy, descending, input.cursor);
      const win = { offset: 0, limit: input.count + 1 };
      const page = await groups(client, actor.tenantId, input.base, where, c.order, win, projection, true, c.after);
      return cursorList(page.total, page.rows, page.resources, input.count, c.next);
    }
    const order = groupOrder(input.sortBy, descending);
    const { total, resources } = await groups(client, actor.tenantId, input.base, where, order, window(input), projection);
    return listOf(total, input.startIndex, resources);
  },
});

export const scimGroupQuery = defineCommand({
  feature: "roles.list",
  input: ZById,
  rule: "A role of the actor's tenant; any other id is not found.",
  run: async (client, actor, input): Promise<ScimOne> => {
    const projection = parseProjection(input.attributes, input.excludedAttributes, GROUP_SCHEMAS);
    const win = { offset: 0, limit: 1 };
    const { rows, resources } = await groups(
      client,
      actor.tenantId,
      input.base,
      sql`r."id" = ${input.id}`,
      sql`r."id"`,
      win,
      projection,
      false,
    );
    if (!rows[0] || !resources[0]) throw new AppError("NOT_FOUND", `No group with id ${input.id}.`);
    return { resource: resources[0], version: rows[0].version };
  },
});
