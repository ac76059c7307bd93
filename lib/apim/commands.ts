/**
 * The APIM admin v4 operations whose answers have APIM's own shape: each PUT runs the scope
 * command under If-Match (a stale version it named is 412) and answers with the list as it now
 * stands, as APIM does; the two existence checks take base64url path names (path-name.ts).
 */
import { z } from "zod";
import { defineCommand, type Command } from "../authz/command.ts";
import { AppError } from "../errors.ts";
import { findRoleByName } from "../roles/find-role.ts";
import { putTenantConfigCommand, setRoleAliasesCommand, setScopeRolesCommand } from "../scopes/commands.ts";
import { listRoleAliases, listScopes } from "../scopes/list-scopes.ts";
import { tenantConfQuery } from "../scopes/queries.ts";
import { userHoldsScope } from "../scopes/user-holds-scope.ts";
import { withPrecondition } from "./if-match.ts";
import { decodePathName } from "./path-name.ts";

/** The write, then the read its answer shows; `version` is the If-Match one, so STALE_VERSION becomes 412. */
function thenRead<I extends { version?: number }, R>(
  write: Command<I, unknown>,
  read: (...args: Parameters<Command<I, unknown>["run"]>) => Promise<R>,
): Command<I, R> {
  return {
    ...write,
    run: async (client, actor, input) => {
      await withPrecondition(input.version, () => write.run(client, actor, input));
      return read(client, actor, input);
    },
  };
}

/** PUT /system-scopes (APIM: updateRolesForScope). */
export const updateRolesForScopeCommand = thenRead(setScopeRolesCommand, (client, principal) => listScopes(client, principal.tenantId));

/** PUT /system-scopes/role-aliases. */
export const updateRoleAliasesCommand = thenRead(setRoleAliasesCommand, (client, principal) => listRoleAliases(client, principal.tenantId));

/** PUT /tenant-config (APIM: updateTenantConfig). */
export const updateTenantConfigCommand = thenRead(putTenantConfigCommand, (client, actor) => tenantConfQuery.run(client, actor, {}));

/** GET /system-scopes/{scopeName}: whether the user (the caller without `username`) holds the scope. */
export const scopeOfUserQuery = defineCommand({
  feature: "scopes.manage",
  input: z.object({ scopeName: z.string(), username: z.string().optional() }),
  rule: "None: any user's scopes are readable with scopes.manage.",
  run: async (client, principal, input) => {
    const scope = decodePathName(input.scopeName);
    if (scope === null) throw new AppError("NOT_FOUND", "Scope not found: the name is not base64url-encoded.");
    const username = input.username ?? principal.displayName;
    const check = await userHoldsScope(client, principal.tenantId, username, scope);
    if (check.holds) return { name: scope };
    throw new AppError(
      "NOT_FOUND",
      check.reason === "unknown-scope" ? `Scope not found: ${scope}` : `User ${username} does not have scope ${scope}.`,
    );
  },
});

/** HEAD /roles/{roleId}: whether the base64url-encoded role ("Internal/creator", "PRIMARY/dev", "admin") exists. */
export const roleExistsQuery = defineCommand({
  feature: "scopes.manage",
  input: z.object({ roleId: z.string() }),
  rule: "None: role names are readable with scopes.manage.",
  run: async (client, principal, input) => {
    const name = decodePathName(input.roleId);
    return name !== null && (await findRoleByName(client, principal.tenantId, name)) !== null;
  },
});
