/**
 * Rows as SCIM resources (RFC 7643 4.1, 4.2, 8.3), and the `attributes` / `excludedAttributes`
 * projection (RFC 7644 3.4.2.5). `id` and `schemas` are always returned.
 */
import { qualifiedName } from "../core/domains.ts";
import { AppError } from "../errors.ts";
import { ADDRESS_TYPE, CORE_GROUP, CORE_USER, ENTERPRISE_USER } from "./attribute-map.ts";
import type { ScimDialect } from "./dialect.ts";
import type { ScimGroupRef, ScimGroupRow, ScimMemberRef, ScimUserRow } from "./scim-reads.ts";

export type Resource = Record<string, unknown>;

export const version = (v: number) => `W/"${v}"`;

/** RFC 7644 3.14: an If-Match that names neither `*` nor the current version is 412. */
export function assertIfMatch(kind: "user" | "group", current: number, ifMatch: string | null | undefined): void {
  if (ifMatch && ifMatch.trim() !== "*" && !ifMatch.split(",").some((t) => t.trim() === version(current))) {
    throw new AppError("PRECONDITION_FAILED", `The ${kind} has changed: its version is ${version(current)}.`);
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [top, sub] = path.split(".") as [string, string | undefined];
  if (sub === undefined) target[top] = value;
  else target[top] = { ...(target[top] as Record<string, unknown> | undefined), [sub]: value };
}

export function userResource(
  base: string,
  row: ScimUserRow,
  claims: Record<string, string>,
  groups: readonly ScimGroupRef[] | undefined,
  dialect: ScimDialect,
): Resource {
  const core: Resource = { id: String(row.id), userName: qualifiedName(row.domain, row.username) };
  const enterprise: Record<string, unknown> = {};
  for (const a of dialect.attributes) {
    const value = claims[a.claim];
    if (value !== undefined) setPath(a.schema === CORE_USER ? core : enterprise, a.path, value);
  }
  for (const m of dialect.multiValued) {
    const values = m.values
      .filter((e) => claims[e.claim] !== undefined)
      .map((e) => ({ value: claims[e.claim], ...(e.type ? { type: e.type } : {}), ...(e.primary ? { primary: true } : {}) }));
    if (values.length > 0) core[m.name] = values;
  }
  const address = Object.fromEntries(
    dialect.addressParts.filter((p) => claims[p.claim] !== undefined).map((p) => [p.sub, claims[p.claim]]),
  );
  if (Object.keys(address).length > 0) core.addresses = [{ type: ADDRESS_TYPE, ...address }];
  core.active = !row.disabled;
  if (groups) {
    core.groups = groups.map((g) => ({ value: String(g.id), display: qualifiedName(g.domain, g.name), $ref: `${base}/Groups/${g.id}` }));
  }
  const hasEnterprise = Object.keys(enterprise).length > 0;
  return {
    schemas: hasEnterprise ? [CORE_USER, ENTERPRISE_USER] : [CORE_USER],
    ...core,
    ...(hasEnterprise ? { [ENTERPRISE_USER]: enterprise } : {}),
    meta: {
      resourceType: "User",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${base}/Users/${row.id}`,
      version: version(row.version),
    },
  };
}

export function groupResource(base: string, row: ScimGroupRow, members: readonly ScimMemberRef[] | undefined): Resource {
  return {
    schemas: [CORE_GROUP],
    id: String(row.id),
    displayName: qualifiedName(row.domain, row.name),
    ...(members
      ? {
          members: members.map((m) => ({
            value: String(m.id),
            display: qualifiedName(m.domain, m.username),
            type: "User",
            $ref: `${base}/Users/${m.id}`,
          })),
        }
      : {}),
    meta: {
      resourceType: "Group",
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${base}/Groups/${row.id}`,
      version: version(row.version),
    },
  };
}

/** `attributes` or `excludedAttributes`, parsed: each a [top, sub?] path into the resource, URNs resolved. */
export type Projection = { mode: "include" | "exclude"; paths: [string, string?][] } | null;

const ALWAYS = new Set(["id", "schemas"]);

export function parseProjection(attributes: string[] | undefined, excluded: string[] | undefined, schemas: readonly string[]): Projection {
  const list = attributes?.length ? attributes : excluded?.length ? excluded : undefined;
  if (!list) return null;
  const paths = list.map((raw): [string, string?] => {
    const name = raw.trim();
    const lowered = name.toLowerCase();
    const ext = schemas.find((s) => s !== schemas[0] && (lowered === s.toLowerCase() || lowered.startsWith(`${s.toLowerCase()}:`)));
    if (ext) {
      const rest = name.slice(ext.length + 1);
      return rest ? [ext.toLowerCase(), rest.toLowerCase()] : [ext.toLowerCase()];
    }
    const core = schemas[0]!.toLowerCase();
    const bare = lowered.startsWith(`${core}:`) ? lowered.slice(core.length + 1) : lowered;
    const [top, sub] = bare.split(".") as [string, string | undefined];
    return sub ? [top, sub] : [top];
  });
  return { mode: attributes?.length ? "include" : "exclude", paths };
}

/** Whether a top-level attribute is asked for (to skip reading what will not be returned). */
export function wants(projection: Projection, top: string): boolean {
  if (!projection) return true;
  const named = projection.paths.some(([t, sub]) => t === top.toLowerCase() && (projection.mode === "include" || sub === undefined));
  return projection.mode === "include" ? named : !named;
}

export function project(resource: Resource, projection: Projection): Resource {
  if (!projection) return resource;
  const out: Resource = {};
  for (const [key, value] of Object.entries(resource)) {
    const k = key.toLowerCase();
    if (ALWAYS.has(k)) {
      out[key] = value;
      continue;
    }
    const subs = projection.paths.filter(([t]) => t === k);
    const whole = subs.some(([, s]) => s === undefined);
    if (projection.mode === "exclude") {
      if (whole) continue;
      out[key] = subs.length
        ? pick(
            value,
            subs.map(([, s]) => s!),
            false,
          )
        : value;
    } else if (whole) out[key] = value;
    else if (subs.length)
      out[key] = pick(
        value,
        subs.map(([, s]) => s!),
        true,
      );
  }
  return out;
}

function pick(value: unknown, subs: string[], keep: boolean): unknown {
  const one = (v: unknown) =>
    v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => subs.includes(k.toLowerCase()) === keep)) : v;
  return Array.isArray(value) ? value.map(one) : one(value);
}
