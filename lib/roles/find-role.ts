import type { Db, Tx } from "../db/client.ts";
import { nameKey, qualifiedName, splitQualifiedName } from "../core/domains.ts";

export type RoleRef = {
  id: number;
  name: string;
  domain: string;
  kind: string;
  version: number;
  readOnly: boolean;
  external: boolean;
  qualified: string;
};

const select = {
  id: true,
  name: true,
  kind: true,
  version: true,
  store: { select: { domain: true, readOnly: true, type: true } },
} as const;

type Row = { id: number; name: string; kind: string; version: number; store: { domain: string; readOnly: boolean; type: string } };
const toRef = (r: Row): RoleRef => ({
  id: r.id,
  name: r.name,
  domain: r.store.domain,
  kind: r.kind,
  version: r.version,
  readOnly: r.store.readOnly,
  external: r.store.type !== "database",
  qualified: qualifiedName(r.store.domain, r.name),
});

/** Looks a role up by its WSO2 name ("admin", "Internal/creator", "SECONDARY/dev"), ignoring case. */
export async function findRoleByName(client: Pick<Db | Tx, "role">, tenantId: number, qualified: string): Promise<RoleRef | null> {
  const { domain, name } = splitQualifiedName(qualified.trim());
  const rows = await client.role.findMany({ where: { tenantId, nameKey: nameKey(name) }, select });
  const row = rows.find((r) => r.store.domain.toUpperCase() === domain.toUpperCase());
  return row ? toRef(row) : null;
}

/** Many names at once, in one query; the map is keyed by the name as given. Unknown names are absent. */
export async function findRolesByName(
  client: Pick<Db | Tx, "role">,
  tenantId: number,
  names: readonly string[],
): Promise<Map<string, RoleRef>> {
  const wanted = names.map((n) => ({ given: n, ...splitQualifiedName(n.trim()) }));
  const rows = await client.role.findMany({
    where: { tenantId, nameKey: { in: [...new Set(wanted.map((w) => nameKey(w.name)))] } },
    select,
  });
  const found = new Map<string, RoleRef>();
  for (const w of wanted) {
    const row = rows.find((r) => r.store.domain.toUpperCase() === w.domain.toUpperCase() && nameKey(r.name) === nameKey(w.name));
    if (row) found.set(w.given, toRef(row));
  }
  return found;
}
