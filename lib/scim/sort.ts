/**
 * sortBy and sortOrder (RFC 7644 3.4.2.3) as ORDER BY. Missing values sort last in ascending
 * order and first in descending order on both databases; the id breaks ties, so pages given
 * by startIndex do not overlap.
 */
import { raw, sql, type Sql } from "../db/sql.ts";
import { resolveUserPath } from "./attribute-map.ts";
import type { ScimDialect } from "./dialect.ts";
import { resolveGroupPath } from "./filter-sql.ts";
import { scimError } from "./scim-error.ts";

const claimValue = (claim: string) => sql`(SELECT lower(c."value") FROM "UserClaim" c WHERE c."userId" = u."id" AND c."claim" = ${claim})`;

function ordered(key: Sql | null, id: Sql, descending: boolean): Sql {
  const dir = raw(descending ? "DESC" : "ASC");
  if (!key) return sql`${id} ${dir}`;
  return sql`(${key} IS NULL) ${dir}, ${key} ${dir}, ${id} ${dir}`;
}

export function userOrder(sortBy: string | undefined, descending: boolean, dialect: ScimDialect): Sql {
  if (sortBy === undefined) return ordered(null, sql`u."id"`, descending);
  const resolved = resolveUserPath(sortBy);
  if (!resolved) throw scimError("invalidPath", `Unknown attribute ${JSON.stringify(sortBy)} in sortBy.`);
  const { schema, path } = resolved;
  const attribute = dialect.attributes.find((a) => a.schema === schema && a.path === path);
  if (attribute) return ordered(claimValue(attribute.claim), sql`u."id"`, descending);
  const primary = dialect.multiValued.find((m) => m.name === path || `${m.name}.value` === path);
  if (primary) return ordered(claimValue(primary.values[0]!.claim), sql`u."id"`, descending);
  switch (path) {
    case "id":
      return ordered(null, sql`u."id"`, descending);
    case "userName":
      return ordered(sql`u."usernameKey"`, sql`u."id"`, descending);
    case "meta.created":
      return ordered(sql`u."createdAt"`, sql`u."id"`, descending);
    case "meta.lastModified":
      return ordered(sql`u."updatedAt"`, sql`u."id"`, descending);
    default:
      throw scimError("invalidPath", `Users cannot be sorted by ${path}.`);
  }
}

export function groupOrder(sortBy: string | undefined, descending: boolean): Sql {
  if (sortBy === undefined) return ordered(null, sql`r."id"`, descending);
  switch (resolveGroupPath(sortBy)) {
    case "id":
      return ordered(null, sql`r."id"`, descending);
    case "displayName":
      return ordered(sql`r."nameKey"`, sql`r."id"`, descending);
    case "meta.created":
      return ordered(sql`r."createdAt"`, sql`r."id"`, descending);
    case "meta.lastModified":
      return ordered(sql`r."updatedAt"`, sql`r."id"`, descending);
    default:
      throw scimError("invalidPath", `Groups cannot be sorted by ${JSON.stringify(sortBy)}.`);
  }
}
