/**
 * The plan of a tenant-conf.json import, computed the same way for the preview and for the
 * apply (inside its transaction). What the file lists is replaced; what it does not list stays:
 * - each listed, known scope gets exactly the file's known roles;
 * - each listed RoleMappings key (a known role) gets exactly the file's known aliases;
 * - unknown roles and scopes are reported with where they appear, and skipped, unless the admin
 *   takes an offer: `addUnknownScopes` adds the file's unknown scopes to the catalog (with the
 *   file's roles), `createAliasRoles` creates the RoleMappings alias roles that do not exist yet
 *   (see plan-new-roles.ts). Until the apply creates them they carry negative placeholder ids;
 * - the admin role is never taken off a scope: a scope whose file entry lacks it keeps it,
 *   and is reported in `adminKept`.
 * `planHash` fingerprints the version and the exact changes by name, so an apply can refuse to
 * do anything other than what its preview showed.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "../db/client.ts";
import { describeScope } from "./catalogs.ts";
import type { AliasPair, MappingState } from "./mapping-state.ts";
import { adminRemovedFrom, diffAliases, diffScopes, nameChanges, type MappingChanges, type NamedChanges } from "./plan-mapping.ts";
import { planNewRoles, type NewRole } from "./plan-new-roles.ts";
import { resolveRoles } from "./resolve-names.ts";
import type { ParsedTenantConf } from "./tenant-conf.ts";

/** A yes/no that arrives as a boolean (JSON, lib calls) or as "true"/"false" (forms). */
const ZFlag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false);
export const ZImportOptions = z.object({ addUnknownScopes: ZFlag, createAliasRoles: ZFlag });
export type TImportOptions = z.infer<typeof ZImportOptions>;
export const NO_IMPORT_OPTIONS: TImportOptions = { addUnknownScopes: false, createAliasRoles: false };

export type NewScope = { id: number; name: string; description: string; tag: string; path: string };

export type ImportReport = NamedChanges & {
  version: number;
  planHash: string;
  /** Listed scopes the file leaves exactly as they are. */
  unchangedScopes: number;
  unknownRoles: { name: string; paths: string[] }[];
  unknownScopes: { name: string; path: string }[];
  adminKept: string[];
  /** Scopes the apply adds to the catalog (addUnknownScopes). */
  newScopes: { name: string; path: string; description: string; tag: string }[];
  /** Alias roles the apply creates (createAliasRoles). */
  newRoles: { name: string; domain: string; paths: string[] }[];
  /** How many scopes and roles each option would add, whether or not it is on: what the preview offers. */
  offers: { addUnknownScopes: number; createAliasRoles: number };
};

export type ImportPlan = { changes: MappingChanges; newScopes: NewScope[]; newRoles: NewRole[]; report: ImportReport };

export async function planImport(
  client: Pick<Db | Tx, "role" | "userStore" | "$queryRaw">,
  state: MappingState,
  file: ParsedTenantConf,
  options: TImportOptions = NO_IMPORT_OPTIONS,
): Promise<ImportPlan> {
  const mentions: { name: string; path: string }[] = [
    ...(file.scopes ?? []).flatMap((s) => s.roles.map((name) => ({ name, path: s.path }))),
    ...(file.roleMappings ?? []).flatMap((m) => [m.role, ...m.aliases].map((name) => ({ name, path: m.path }))),
  ];
  const roles = await resolveRoles(
    client,
    state,
    mentions.map((m) => m.name),
  );
  const creatable = await planNewRoles(client, state, file, roles);
  const newRoles = options.createAliasRoles ? creatable : [];
  for (const role of newRoles) {
    const ref = {
      id: role.id,
      name: role.name,
      domain: role.domain,
      kind: "regular",
      version: 1,
      readOnly: false,
      external: false,
      qualified: role.qualified,
    };
    for (const given of role.given) roles.set(given, ref);
    state.roles.set(role.id, { id: role.id, name: role.qualified, kind: "regular" });
  }
  const unknownRoles = new Map<string, Set<string>>();
  for (const m of mentions) if (!roles.has(m.name)) unknownRoles.set(m.name, (unknownRoles.get(m.name) ?? new Set()).add(m.path));
  const idOf = (name: string) => roles.get(name)?.id;

  const scopeIds = new Map(state.scopes.map((s) => [s.name, s.id]));
  const unknownScopes: ImportReport["unknownScopes"] = [];
  const newScopes: NewScope[] = [];
  for (const s of file.scopes ?? []) {
    if (scopeIds.has(s.name)) continue;
    const path = s.path.replace(/\.Roles$/, ".Name");
    if (!options.addUnknownScopes) unknownScopes.push({ name: s.name, path });
    else newScopes.push({ id: -1 - newScopes.length, name: s.name, path, ...describeScope(s.name) });
  }
  for (const scope of newScopes) {
    state.scopes.push({ id: scope.id, name: scope.name, description: scope.description, tag: scope.tag, roleIds: new Set() });
    scopeIds.set(scope.name, scope.id);
  }
  const desired = new Map<number, Set<number>>();
  for (const s of file.scopes ?? []) {
    const id = scopeIds.get(s.name);
    if (id !== undefined) desired.set(id, new Set(s.roles.map(idOf).filter((r) => r !== undefined)));
  }
  const adminKept = adminRemovedFrom(state, diffScopes(state, desired));
  for (const scope of state.scopes) if (adminKept.includes(scope.name)) desired.get(scope.id)!.add(state.adminRoleId!);
  const scopes = diffScopes(state, desired);

  const targets = new Set<number>();
  const wanted: AliasPair[] = [];
  for (const m of file.roleMappings ?? []) {
    const target = idOf(m.role);
    if (target === undefined) continue;
    targets.add(target);
    for (const alias of m.aliases.map(idOf))
      if (alias !== undefined && alias !== target) wanted.push({ roleId: target, aliasRoleId: alias });
  }
  const aliases = diffAliases(state.aliases, wanted, (p) => targets.has(p.roleId));

  const changes = { scopes, aliases };
  const named = nameChanges(state, changes);
  const unknownScopeCount = newScopes.length + unknownScopes.length;
  return {
    changes,
    newScopes,
    newRoles,
    report: {
      version: state.version,
      planHash: hashPlan(state.version, named, newScopes, newRoles),
      ...named,
      unchangedScopes: desired.size - scopes.length - newScopes.filter((s) => !scopes.some((c) => c.scopeId === s.id)).length,
      unknownRoles: [...unknownRoles].map(([name, paths]) => ({ name, paths: [...paths] })),
      unknownScopes,
      adminKept,
      newScopes: newScopes.map(({ name, path, description, tag }) => ({ name, path, description, tag })),
      newRoles: newRoles.map((r) => ({ name: r.qualified, domain: r.domain, paths: r.paths })),
      offers: { addUnknownScopes: unknownScopeCount, createAliasRoles: creatable.length },
    },
  };
}

/**
 * By name and order-independent: the same plan hashes the same however the database returned
 * the rows, and scopes and roles the apply creates have no ids yet.
 */
function hashPlan(version: number, named: NamedChanges, newScopes: NewScope[], newRoles: NewRole[]): string {
  const sorted = (a: string[]) => [...a].sort();
  const canonical = {
    version,
    scopes: named.scopes.map((c) => [c.scope, sorted(c.added), sorted(c.removed)]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    aliases: named.aliases
      .map((c) => [c.role, sorted(c.added), sorted(c.removed)])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    newScopes: sorted(newScopes.map((s) => s.name)),
    newRoles: sorted(newRoles.map((r) => r.qualified)),
  };
  return crypto.createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}
