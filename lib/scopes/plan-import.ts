/**
 * The plan of a tenant-conf.json import, computed the same way for the preview and for the
 * apply (inside its transaction). What the file lists is replaced; what it does not list stays:
 * - each listed, known scope gets exactly the file's known roles;
 * - each listed RoleMappings key (a known role) gets exactly the file's known aliases;
 * - unknown roles and scopes are reported with where they appear, and skipped;
 * - the admin role is never taken off a scope: a scope whose file entry lacks it keeps it,
 *   and is reported in `adminKept`.
 * `planHash` fingerprints the version and the exact changes, so an apply can refuse to do
 * anything other than what its preview showed.
 */
import crypto from "node:crypto";
import type { Db, Tx } from "../db/client.ts";
import type { AliasPair, MappingState } from "./mapping-state.ts";
import { adminRemovedFrom, diffAliases, diffScopes, nameChanges, type MappingChanges, type NamedChanges } from "./plan-mapping.ts";
import { resolveRoles } from "./resolve-names.ts";
import type { ParsedTenantConf } from "./tenant-conf.ts";

export type ImportReport = NamedChanges & {
  version: number;
  planHash: string;
  /** Listed scopes the file leaves exactly as they are. */
  unchangedScopes: number;
  unknownRoles: { name: string; paths: string[] }[];
  unknownScopes: { name: string; path: string }[];
  adminKept: string[];
};

export type ImportPlan = { changes: MappingChanges; report: ImportReport };

export async function planImport(client: Pick<Db | Tx, "role">, state: MappingState, file: ParsedTenantConf): Promise<ImportPlan> {
  const mentions: { name: string; path: string }[] = [
    ...(file.scopes ?? []).flatMap((s) => s.roles.map((name) => ({ name, path: s.path }))),
    ...(file.roleMappings ?? []).flatMap((m) => [m.role, ...m.aliases].map((name) => ({ name, path: m.path }))),
  ];
  const roles = await resolveRoles(client, state, mentions.map((m) => m.name));
  const unknownRoles = new Map<string, Set<string>>();
  for (const m of mentions) if (!roles.has(m.name)) unknownRoles.set(m.name, (unknownRoles.get(m.name) ?? new Set()).add(m.path));
  const idOf = (name: string) => roles.get(name)?.id;

  const scopeIds = new Map(state.scopes.map((s) => [s.name, s.id]));
  const unknownScopes: ImportReport["unknownScopes"] = [];
  const desired = new Map<number, Set<number>>();
  for (const s of file.scopes ?? []) {
    const id = scopeIds.get(s.name);
    if (id === undefined) unknownScopes.push({ name: s.name, path: s.path.replace(/\.Roles$/, ".Name") });
    else desired.set(id, new Set(s.roles.map(idOf).filter((r) => r !== undefined)));
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
    for (const alias of m.aliases.map(idOf)) if (alias !== undefined && alias !== target) wanted.push({ roleId: target, aliasRoleId: alias });
  }
  const aliases = diffAliases(state.aliases, wanted, (p) => targets.has(p.roleId));

  const changes = { scopes, aliases };
  const planHash = hashPlan(state.version, changes);
  return {
    changes,
    report: {
      version: state.version,
      planHash,
      ...nameChanges(state, changes),
      unchangedScopes: desired.size - scopes.length,
      unknownRoles: [...unknownRoles].map(([name, paths]) => ({ name, paths: [...paths] })),
      unknownScopes,
      adminKept,
    },
  };
}

/** Order-independent, so the same plan hashes the same however the database returned the rows. */
function hashPlan(version: number, changes: MappingChanges): string {
  const nums = (a: number[]) => [...a].sort((x, y) => x - y);
  const pairs = (a: AliasPair[]) => a.map((p) => `${p.roleId}:${p.aliasRoleId}`).sort();
  const canonical = {
    version,
    scopes: changes.scopes.map((c) => [c.scopeId, nums(c.added), nums(c.removed)]).sort((x, y) => Number(x[0]) - Number(y[0])),
    aliases: [pairs(changes.aliases.added), pairs(changes.aliases.removed)],
  };
  return crypto.createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}
