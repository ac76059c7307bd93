/**
 * SCIM filters (RFC 7644 3.4.2.2) as SQL. scim2-parse-filter parses the grammar; this module
 * turns its tree into one WHERE fragment over `"User" u` joined to its `"UserStore" s` (users)
 * or `"Role" r` (groups), every value a bound parameter and every LIKE pattern escaped, so a
 * filter is evaluated by the database, never over rows in memory. Claims are EXISTS probes on
 * UserClaim's (claim, value) index; memberships on Membership's keys. String attributes are
 * caseExact=false (RFC 7643 7): names compare by their stored name keys, claims by lower().
 */
import { parse, type Filter } from "scim2-parse-filter";
import { nameKey, splitQualifiedName } from "../core/domains.ts";
import { join, raw, sql, type Sql } from "../db/sql.ts";
import { isWellFormedText, MALFORMED_TEXT } from "../http/well-formed.ts";
import { ADDRESS_TYPE, CORE_GROUP, CORE_USER, ENTERPRISE_USER, resolveUserPath, type TypedValue } from "./attribute-map.ts";
import type { ScimDialect } from "./dialect.ts";
import { scimError } from "./scim-error.ts";

type Op = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "lt" | "ge" | "le";
type Value = boolean | null | number | string;

const TRUE = sql`1=1`;
const FALSE = sql`1=0`;
/** Filters nest; a client may not make the database build a statement of unbounded depth. */
const MAX_DEPTH = 20;
const MAX_LENGTH = 4096;

const invalid = (detail: string) => scimError("invalidFilter", detail);

export function parseFilter(text: string): Filter {
  if (text.length > MAX_LENGTH) throw invalid(`The filter is longer than ${MAX_LENGTH} characters.`);
  let tree: Filter;
  try {
    tree = parse(text);
  } catch (error) {
    throw invalid(`The filter is not valid SCIM filter syntax: ${error instanceof Error ? error.message : String(error)}`);
  }
  return decodeValues(tree);
}

/**
 * compValue is a JSON string (RFC 7644 3.4.2.2), but scim2-parse-filter only unescapes `\"`:
 * `\\`, `\n` and `\u0041` reach us as written. Decoding them here makes `"a\\b"` one backslash.
 */
function decodeValues(filter: Filter): Filter {
  if (filter.op === "and" || filter.op === "or")
    return { ...filter, filters: (filter as { filters: Filter[] }).filters.map(decodeValues) } as Filter;
  if (filter.op === "not") return { ...filter, filter: decodeValues((filter as { filter: Filter }).filter) } as Filter;
  if (filter.op === "[]") return { ...filter, valFilter: decodeValues((filter as { valFilter: Filter }).valFilter) } as Filter;
  const leaf = filter as Leaf;
  if (typeof leaf.compValue !== "string" || !leaf.compValue.includes("\\")) return filter;
  const quoted = leaf.compValue
    .replace(/"/g, '\\"')
    .replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  let value: string;
  try {
    value = JSON.parse(`"${quoted}"`) as string;
  } catch {
    throw invalid(`The filter's value ${JSON.stringify(leaf.compValue)} holds an escape JSON does not define.`);
  }
  // "\u0000" would reach the database as NUL, which PostgreSQL's text refuses: no stored value holds one.
  if (!isWellFormedText(value)) throw invalid(`The filter's value ${JSON.stringify(leaf.compValue)}: ${MALFORMED_TEXT}`);
  return { ...leaf, compValue: value } as Filter;
}

/** LIKE's own characters taken literally (ESCAPE '\'): a filter's `%`, `_` and `\` are text. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `expr op value` for text that has already been case-folded on both sides. */
function compareText(expr: Sql, op: Op, value: string): Sql {
  switch (op) {
    case "eq":
      return sql`${expr} = ${value}`;
    case "ne":
      return sql`${expr} <> ${value}`;
    case "co":
      return sql`${expr} LIKE ${`%${escapeLike(value)}%`} ESCAPE '\\'`;
    case "sw":
      return sql`${expr} LIKE ${`${escapeLike(value)}%`} ESCAPE '\\'`;
    case "ew":
      return sql`${expr} LIKE ${`%${escapeLike(value)}`} ESCAPE '\\'`;
    case "gt":
      return sql`${expr} > ${value}`;
    case "ge":
      return sql`${expr} >= ${value}`;
    case "lt":
      return sql`${expr} < ${value}`;
    case "le":
      return sql`${expr} <= ${value}`;
  }
}

function textValue(attr: string, value: Value): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw invalid(`${attr} is a string attribute; compare it with a string.`);
}

/** An integer id column: a value that is no id matches nothing (eq) or everything (ne). */
function compareId(expr: Sql, attr: string, op: Op, value: Value): Sql {
  const id = typeof value === "number" ? value : typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (op === "co" || op === "sw" || op === "ew") throw invalid(`${attr} cannot be compared with ${op}.`);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) {
    if (op === "eq") return FALSE;
    if (op === "ne") return TRUE;
    throw invalid(`${attr} is compared with an id.`);
  }
  const cmp = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" }[op];
  return sql`${expr} ${raw(cmp)} ${id}`;
}

function compareDate(expr: Sql, attr: string, op: Op, value: Value): Sql {
  if (op === "co" || op === "sw" || op === "ew") throw invalid(`${attr} is a dateTime; compare it with eq, ne, gt, ge, lt or le.`);
  const at = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(NaN);
  // Years 1 to 9999 only: both databases hold them, and PostgreSQL refuses what lies far outside.
  if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1 || at.getUTCFullYear() > 9999)
    throw invalid(`${attr} is compared with an xsd:dateTime, such as "2011-05-13T04:42:34Z".`);
  const cmp = { eq: "=", ne: "<>", gt: ">", ge: ">=", lt: "<", le: "<=" }[op];
  return sql`${expr} ${raw(cmp)} ${at}`;
}

function constant(attr: string, actual: string | boolean | undefined, op: Op | "pr", value?: Value): Sql {
  if (op === "pr") return actual === undefined ? FALSE : TRUE;
  if (actual === undefined) return op === "ne" ? TRUE : FALSE;
  if (typeof actual === "boolean") {
    if (typeof value !== "boolean" || (op !== "eq" && op !== "ne"))
      throw invalid(`${attr} is a boolean; compare it with eq or ne and true or false.`);
    return (actual === value) === (op === "eq") ? TRUE : FALSE;
  }
  const a = actual.toLowerCase();
  const v = textValue(attr, value ?? null).toLowerCase();
  const holds = {
    eq: a === v,
    ne: a !== v,
    co: a.includes(v),
    sw: a.startsWith(v),
    ew: a.endsWith(v),
    gt: a > v,
    ge: a >= v,
    lt: a < v,
    le: a <= v,
  }[op];
  return holds ? TRUE : FALSE;
}

function bool(attr: string, op: Op, value: Value): boolean {
  if (typeof value !== "boolean" || (op !== "eq" && op !== "ne"))
    throw invalid(`${attr} is a boolean; compare it with eq or ne and true or false.`);
  return op === "eq" ? value : !value;
}

/** Some claim among `claims` of the user holds a value that compares so (or holds any value, for pr). */
function claimHas(claims: readonly string[], op: Op | "pr", value?: Value, attr = "attribute"): Sql {
  const which = claims.length === 1 ? sql`c."claim" = ${claims[0]}` : sql`c."claim" IN (${join([...claims])})`;
  const exists = (cond: Sql) => sql`EXISTS (SELECT 1 FROM "UserClaim" c WHERE c."userId" = u."id" AND ${which} AND ${cond})`;
  if (op === "pr") return exists(sql`c."value" <> ''`);
  if (value === null || value === undefined)
    return op === "eq" ? sql`NOT ${exists(sql`c."value" <> ''`)}` : op === "ne" ? exists(sql`c."value" <> ''`) : FALSE;
  const v = textValue(attr, value).toLowerCase();
  if (op === "ne") return sql`NOT ${exists(compareText(sql`lower(c."value")`, "eq", v))}`;
  return exists(compareText(sql`lower(c."value")`, op, v));
}

/**
 * A user or role name: its name key, and its store's domain when the value is qualified
 * ("SECONDARY/bob"). `sw` takes the domain too, as WSO2 IS does: names are shown qualified, so
 * `userName sw "LDAP1/a"` means LDAP1's names starting with "a" (the key holds the name alone).
 */
function compareName(key: Sql, domain: Sql, op: Op, value: string): Sql {
  const { domain: d, name } = splitQualifiedName(value);
  if ((op === "eq" || op === "ne" || op === "sw") && value.includes("/")) {
    const both = sql`upper(${domain}) = ${d.toUpperCase()} AND ${compareText(key, op === "sw" ? "sw" : "eq", nameKey(name))}`;
    return op === "ne" ? sql`NOT (${both})` : sql`(${both})`;
  }
  return compareText(key, op, nameKey(value));
}

function logical(filter: Filter, depth: number, leaf: (f: Filter, depth: number) => Sql): Sql {
  if (depth > MAX_DEPTH) throw invalid(`The filter nests deeper than ${MAX_DEPTH} levels.`);
  if (filter.op === "and" || filter.op === "or") {
    const parts = (filter as { filters: Filter[] }).filters.map((f) => logical(f, depth + 1, leaf));
    return sql`(${join(parts, filter.op === "and" ? " AND " : " OR ")})`;
  }
  if (filter.op === "not") return sql`NOT (${logical((filter as { filter: Filter }).filter, depth + 1, leaf)})`;
  return leaf(filter, depth);
}

type Leaf = { op: Op | "pr"; attrPath: string; compValue?: Value };

// ---- Users -------------------------------------------------------------------------------

/** The WHERE fragment (over `u` and its store `s`) for a filter on Users, claims named by the tenant's dialect. */
export function userFilterSql(filter: Filter, dialect: ScimDialect): Sql {
  return logical(filter, 0, (f, depth) => userLeaf(f, depth, dialect));
}

function userLeaf(filter: Filter, depth: number, d: ScimDialect): Sql {
  if (filter.op === "[]") {
    const { attrPath, valFilter } = filter as { attrPath: string; valFilter: Filter };
    return userValuePath(attrPath, valFilter, depth, d);
  }
  const { op, attrPath, compValue } = filter as Leaf;
  const resolved = resolveUserPath(attrPath);
  if (!resolved) throw invalid(`Unknown attribute ${JSON.stringify(attrPath)} in the filter.`);
  const { schema, path } = resolved;
  const v = compValue ?? null;
  const claimAttr = d.attributes.find((a) => a.schema === schema && a.path === path);
  if (claimAttr) return claimHas([claimAttr.claim], op, v, path);
  const [top, sub] = path.split(".") as [string, string | undefined];
  const multi = d.multiValued.find((m) => m.name === top);
  if (multi) return multiLeaf(multi.name, multi.values, sub, op, v);
  if (top === "addresses") {
    if (sub === undefined || sub === "type") {
      const parts = d.addressParts.map((p) => p.claim);
      return sub === undefined && op !== "pr"
        ? claimHas(parts, op, v, path)
        : sql`(${claimHas(parts, "pr")} AND ${constant(path, ADDRESS_TYPE, op, v)})`;
    }
    return claimHas([d.addressParts.find((p) => p.sub === sub)!.claim], op, v, path);
  }
  if (op === "pr") return path === "groups" || path.startsWith("groups.") ? groupsOfUser(TRUE) : TRUE;
  switch (path) {
    case "id":
      return compareId(sql`u."id"`, path, op, v);
    case "userName":
      return compareName(sql`u."usernameKey"`, sql`s."domain"`, op, textValue(path, v));
    case "active":
      return bool(path, op, v) ? sql`u."disabledAt" IS NULL` : sql`u."disabledAt" IS NOT NULL`;
    case "meta.created":
      return compareDate(sql`u."createdAt"`, path, op, v);
    case "meta.lastModified":
      return compareDate(sql`u."updatedAt"`, path, op, v);
    case "meta.resourceType":
      return constant(path, "User", op, v);
    case "schemas":
      return userSchemas(op, v, d);
    case "groups":
    case "groups.value":
      return groupsOfUser(compareId(sql`r."id"`, path, op === "ne" ? "eq" : op, v), op === "ne");
    case "groups.display":
      return groupsOfUser(compareName(sql`r."nameKey"`, sql`rs."domain"`, op === "ne" ? "eq" : op, textValue(path, v)), op === "ne");
    default:
      throw invalid(`${path} cannot be filtered on.`);
  }
}

/** Every user has the core schema; the enterprise extension's only when it holds one of its attributes. */
function userSchemas(op: Op, v: Value, d: ScimDialect): Sql {
  if (op !== "eq" && op !== "ne") return constant("schemas", CORE_USER, op, v);
  const value = textValue("schemas", v).toLowerCase();
  const enterprise = d.attributes.filter((a) => a.schema === ENTERPRISE_USER).map((a) => a.claim);
  const holds = value === CORE_USER.toLowerCase() ? TRUE : value === ENTERPRISE_USER.toLowerCase() ? claimHas(enterprise, "pr") : FALSE;
  return op === "eq" ? holds : sql`NOT (${holds})`;
}

function groupsOfUser(cond: Sql, negate = false): Sql {
  const exists = sql`EXISTS (SELECT 1 FROM "Membership" m JOIN "Role" r ON r."id" = m."roleId" JOIN "UserStore" rs ON rs."id" = r."storeId"
    WHERE m."userId" = u."id" AND ${cond})`;
  return negate ? sql`NOT ${exists}` : exists;
}

function multiLeaf(name: string, values: readonly TypedValue[], sub: string | undefined, op: Op | "pr", v: Value): Sql {
  const attr = sub ? `${name}.${sub}` : name;
  const claims = values.map((e) => e.claim);
  if (sub === undefined || sub === "value") return claimHas(claims, op, v, attr);
  if (sub === "type" || sub === "primary") {
    const entries = values.map(
      (e) => sql`(${claimHas([e.claim], "pr")} AND ${constant(attr, sub === "type" ? e.type : e.primary === true, op, v)})`,
    );
    return sql`(${join(entries, " OR ")})`;
  }
  throw invalid(`Unknown attribute ${attr} in the filter.`);
}

/** `emails[type eq "work" and value co "@example.com"]`: one of the attribute's values meets the whole inner filter. */
function userValuePath(attrPath: string, valFilter: Filter, depth: number, d: ScimDialect): Sql {
  const resolved = resolveUserPath(attrPath);
  if (!resolved) throw invalid(`Unknown attribute ${JSON.stringify(attrPath)} in the filter.`);
  const name = resolved.path;
  const multi = d.multiValued.find((m) => m.name === name);
  if (multi) {
    const entries = multi.values.map((entry) => {
      const inner = logical(valFilter, depth + 1, (f) => {
        if (f.op === "[]") throw invalid("A value filter cannot nest another.");
        const { op, attrPath: subPath, compValue } = f as Leaf;
        const s = subPath.toLowerCase();
        if (s === "value") return claimHas([entry.claim], op, compValue ?? null, `${name}.value`);
        if (s === "type") return constant(`${name}.type`, entry.type, op, compValue ?? null);
        if (s === "primary") return constant(`${name}.primary`, entry.primary === true, op, compValue ?? null);
        throw invalid(`Unknown attribute ${name}.${subPath} in the filter.`);
      });
      return sql`(${claimHas([entry.claim], "pr")} AND ${inner})`;
    });
    return sql`(${join(entries, " OR ")})`;
  }
  if (name === "addresses") {
    const inner = logical(valFilter, depth + 1, (f) => {
      if (f.op === "[]") throw invalid("A value filter cannot nest another.");
      const { op, attrPath: subPath, compValue } = f as Leaf;
      if (subPath.toLowerCase() === "type") return constant("addresses.type", ADDRESS_TYPE, op, compValue ?? null);
      const part = d.addressParts.find((p) => p.sub.toLowerCase() === subPath.toLowerCase());
      if (!part) throw invalid(`Unknown attribute addresses.${subPath} in the filter.`);
      return claimHas([part.claim], op, compValue ?? null, `addresses.${part.sub}`);
    });
    return sql`(${claimHas(
      d.addressParts.map((p) => p.claim),
      "pr",
    )} AND ${inner})`;
  }
  if (name === "groups") {
    const inner = logical(valFilter, depth + 1, (f) => {
      if (f.op === "[]") throw invalid("A value filter cannot nest another.");
      const { op, attrPath: subPath, compValue } = f as Leaf;
      const s = subPath.toLowerCase();
      const v = compValue ?? null;
      if (op === "pr") return s === "value" || s === "display" ? TRUE : FALSE;
      if (s === "value") return compareId(sql`r."id"`, "groups.value", op, v);
      if (s === "display") return compareName(sql`r."nameKey"`, sql`rs."domain"`, op, textValue("groups.display", v));
      throw invalid(`Unknown attribute groups.${subPath} in the filter.`);
    });
    return groupsOfUser(inner);
  }
  throw invalid(`${name} is not a multi-valued attribute.`);
}

// ---- Groups ------------------------------------------------------------------------------

const GROUP_PATHS = new Map(
  [
    "id",
    "displayName",
    "members",
    "members.value",
    "members.display",
    "meta.created",
    "meta.lastModified",
    "meta.resourceType",
    "schemas",
  ].map((p) => [p.toLowerCase(), p]),
);

export function resolveGroupPath(attrPath: string): string | null {
  const lowered = attrPath.toLowerCase();
  const prefix = `${CORE_GROUP.toLowerCase()}:`;
  return GROUP_PATHS.get(lowered.startsWith(prefix) ? lowered.slice(prefix.length) : lowered) ?? null;
}

/** The WHERE fragment (over `r` and its store `s`) for a filter on Groups. */
export function groupFilterSql(filter: Filter): Sql {
  return logical(filter, 0, groupLeaf);
}

function membersOf(cond: Sql, negate = false): Sql {
  const exists = sql`EXISTS (SELECT 1 FROM "Membership" m JOIN "User" mu ON mu."id" = m."userId" JOIN "UserStore" ms ON ms."id" = mu."storeId"
    WHERE m."roleId" = r."id" AND ${cond})`;
  return negate ? sql`NOT ${exists}` : exists;
}

function groupLeaf(filter: Filter, depth: number): Sql {
  if (filter.op === "[]") {
    const { attrPath, valFilter } = filter as { attrPath: string; valFilter: Filter };
    if (resolveGroupPath(attrPath) !== "members") throw invalid(`${attrPath} is not a multi-valued attribute of Group.`);
    return membersOf(
      logical(valFilter, depth + 1, (f) => {
        if (f.op === "[]") throw invalid("A value filter cannot nest another.");
        const { op, attrPath: subPath, compValue } = f as Leaf;
        const s = subPath.toLowerCase();
        const v = compValue ?? null;
        if (op === "pr") return s === "value" || s === "display" ? TRUE : FALSE;
        if (s === "value") return compareId(sql`mu."id"`, "members.value", op, v);
        if (s === "display") return compareName(sql`mu."usernameKey"`, sql`ms."domain"`, op, textValue("members.display", v));
        throw invalid(`Unknown attribute members.${subPath} in the filter.`);
      }),
    );
  }
  const { op, attrPath, compValue } = filter as Leaf;
  const path = resolveGroupPath(attrPath);
  if (!path) throw invalid(`Unknown attribute ${JSON.stringify(attrPath)} in the filter.`);
  const v = compValue ?? null;
  if (op === "pr") return path.startsWith("members") ? membersOf(TRUE) : TRUE;
  switch (path) {
    case "id":
      return compareId(sql`r."id"`, path, op, v);
    case "displayName":
      return compareName(sql`r."nameKey"`, sql`s."domain"`, op, textValue(path, v));
    case "members":
    case "members.value":
      return membersOf(compareId(sql`mu."id"`, path, op === "ne" ? "eq" : op, v), op === "ne");
    case "members.display":
      return membersOf(compareName(sql`mu."usernameKey"`, sql`ms."domain"`, op === "ne" ? "eq" : op, textValue(path, v)), op === "ne");
    case "meta.created":
      return compareDate(sql`r."createdAt"`, path, op, v);
    case "meta.lastModified":
      return compareDate(sql`r."updatedAt"`, path, op, v);
    case "meta.resourceType":
      return constant(path, "Group", op, v);
    default:
      return constant(path, CORE_GROUP, op, v);
  }
}
