/**
 * "Does this user hold this scope?" (GET /system-scopes/{scope}?username=u). A user holds a
 * scope when one of their roles is on it, counting Internal/everyone (implicit for everyone),
 * or when one of their roles is an alias of a role on it. Aliases are one level deep:
 * an alias of an alias gets nothing through the middle role.
 *
 *   userHoldsScope(db, tenantId, "PRIMARY/alice", "apim:api_view")
 *   // { holds: true, via: ["Internal/creator"] } | { holds: false, reason: "unknown-scope" | "unknown-user" | "not-granted" }
 */
import type { Db } from "../db/client.ts";
import { qualifiedName } from "../core/domains.ts";
import { findUserByName } from "../user-stores/find-user.ts";

export type ScopeCheck = { holds: true; via: string[] } | { holds: false; reason: "unknown-scope" | "unknown-user" | "not-granted" };

export async function userHoldsScope(client: Db, tenantId: number, username: string, scopeName: string): Promise<ScopeCheck> {
  const scope = await client.apiScope.findUnique({
    where: { tenantId_name: { tenantId, name: scopeName } },
    select: { roles: { select: { role: { select: { id: true, name: true, store: { select: { domain: true } } } } } } },
  });
  if (!scope) return { holds: false, reason: "unknown-scope" };
  const user = await findUserByName(client, tenantId, username);
  if (!user) return { holds: false, reason: "unknown-user" };

  const roles = await client.role.findMany({
    where: { tenantId, OR: [{ memberships: { some: { userId: user.id } } }, { kind: "everyone" }] },
    select: { id: true },
  });
  const held = new Set(roles.map((r) => r.id));
  const targets = await client.roleAlias.findMany({
    where: { aliasRoleId: { in: [...held] }, role: { tenantId } },
    select: { roleId: true },
  });
  const effective = new Set([...held, ...targets.map((t) => t.roleId)]);
  const via = scope.roles.filter((r) => effective.has(r.role.id)).map((r) => qualifiedName(r.role.store.domain, r.role.name));
  return via.length > 0 ? { holds: true, via: via.sort() } : { holds: false, reason: "not-granted" };
}
