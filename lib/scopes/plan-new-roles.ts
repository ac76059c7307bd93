/**
 * The alias roles a tenant-conf.json import can create. WSO2's `RoleMappings` often names alias
 * roles that exist on the APIM install but not (yet) here; dropping them silently loses the
 * alias, so the preview offers to create them: every unknown role that appears as an alias of a
 * known target, in a writable store (PRIMARY or Internal, or a writable secondary store), with
 * a name the store accepts. It is created with no permissions and no members, so creating it
 * grants nothing beyond the scopes the alias gives it. Anything else stays an unknown role.
 */
import type { Db, Tx } from "../db/client.ts";
import { cleanRoleName } from "../roles/role-input.ts";
import type { RoleRef } from "../roles/find-role.ts";
import { listStores } from "../stores/list-stores.ts";
import { nameKey, qualifiedName, splitQualifiedName } from "../core/domains.ts";
import type { MappingState } from "./mapping-state.ts";
import type { ParsedTenantConf } from "./tenant-conf.ts";

/** `id` is a negative placeholder until the apply creates the role; `given` lists the spellings the file uses for it. */
export type NewRole = { id: number; given: string[]; storeId: number; domain: string; name: string; qualified: string; paths: string[] };

export async function planNewRoles(
  client: Pick<Db | Tx, "$queryRaw">,
  state: MappingState,
  file: ParsedTenantConf,
  known: ReadonlyMap<string, RoleRef>,
): Promise<NewRole[]> {
  const candidates = (file.roleMappings ?? [])
    .filter((m) => known.has(m.role))
    .flatMap((m) => m.aliases.filter((a) => !known.has(a)).map((a) => ({ given: a, path: m.path })));
  if (candidates.length === 0) return [];
  const stores = await listStores(client, state.tenantId);
  const byKey = new Map<string, NewRole>();
  for (const { given, path } of candidates) {
    const { domain, name } = splitQualifiedName(given);
    const store = stores.find((s) => s.domain.toUpperCase() === domain.toUpperCase());
    if (!store || store.readOnly || store.kind === "application") continue;
    let clean: string;
    try {
      clean = cleanRoleName(store, name);
    } catch {
      continue;
    }
    const key = `${store.id}:${nameKey(clean)}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.paths.includes(path)) existing.paths.push(path);
      if (!existing.given.includes(given)) existing.given.push(given);
      continue;
    }
    byKey.set(key, {
      id: -1 - byKey.size,
      given: [given],
      storeId: store.id,
      domain: store.domain,
      name: clean,
      qualified: qualifiedName(store.domain, clean),
      paths: [path],
    });
  }
  return [...byKey.values()];
}
