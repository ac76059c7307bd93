import type { Command } from "commander";
import type { AddRoleOptions, DeleteRoleOptions, GetRolesOptions } from "../actions/roles.ts";
import { withEnv, withFormat, withLimit } from "../options.ts";

const actions = () => import("../actions/roles.ts");

export function registerRoleCommands(parents: { get: Command; add: Command; remove: Command }): void {
  const getRoles = parents.get
    .command("roles [role]")
    .description("list roles, or show the users in one role")
    .option(
      "-p, --pattern <text>",
      "role search: text matches anywhere in the name, ignoring case, exact names first; with *, a WSO2 " +
        "pattern of the whole name (e.g. 'Internal/*')",
    )
    .option("-d, --domain <domain>", "user store domain of the role (e.g. PRIMARY, Internal)");
  withLimit(withFormat(withEnv(getRoles)), "roles or users").action(async (role: string | undefined, options: GetRolesOptions) =>
    (await actions()).getRoles(role, options),
  );

  const addRole = parents.add
    .command("role <role>")
    .description("add a role (its permissions are set in the console)")
    .option("-d, --domain <domain>", "user store domain (default PRIMARY)");
  withFormat(withEnv(addRole)).action(async (role: string, options: AddRoleOptions) => (await actions()).addRole(role, options));

  const deleteRole = parents.remove
    .command("role <role>")
    .description("delete a role; its users lose it (asks first unless --yes)")
    .option("-d, --domain <domain>", "user store domain")
    .option("-y, --yes", "do not ask for confirmation");
  withFormat(withEnv(deleteRole)).action(async (role: string, options: DeleteRoleOptions) => (await actions()).deleteRole(role, options));
}
