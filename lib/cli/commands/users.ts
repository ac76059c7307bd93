import type { Command } from "commander";
import type { AddUserOptions, DeleteUserOptions, GetUsersOptions, UpdatePasswordOptions, UpdateUserOptions } from "../actions/users.ts";
import { withEnv, withFormat, withLimit } from "../options.ts";

const actions = () => import("../actions/users.ts");

export function registerUserCommands(parents: { get: Command; add: Command; remove: Command; update: Command }): void {
  const getUsers = parents.get
    .command("users [userId]")
    .description("list users with their domain and roles, or show one user's admin flag and roles")
    .option(
      "-p, --pattern <text>",
      "username search: text matches anywhere in the name, ignoring case, exact names first; with *, a WSO2 " +
        "pattern of the whole name (e.g. 'adm*')",
    )
    .option("-r, --role <role>", "only members of this role")
    .option("-d, --domain <domain>", "user store domain (e.g. PRIMARY)");
  withLimit(withFormat(withEnv(getUsers)), "users").action(async (userId: string | undefined, options: GetUsersOptions) =>
    (await actions()).getUsers(userId, options),
  );

  const addUser = parents.add
    .command("user <userId>")
    .description("add a user; asks whether they are an admin, for the password (twice) and for the user store")
    .option("--admin", "make the user an admin (skips the question)")
    .option("--no-admin", "make the user a regular user (skips the question)")
    .option(
      "--password <password>",
      "the password (skips both questions); visible to other local users in the process list, prefer --password-stdin",
    )
    .option("--password-stdin", "read the password from the first line of standard input (asked once)")
    .option("-d, --domain <domain>", "user store domain (skips the question; default PRIMARY)")
    .addHelpText("after", "\nWithout a terminal, the answers are read from standard input, one per line, in the order asked.");
  withFormat(withEnv(addUser)).action(async (userId: string, options: AddUserOptions) => (await actions()).addUser(userId, options));

  const deleteUser = parents.remove
    .command("user <userId>")
    .description("delete a user (asks first unless --yes)")
    .option("-d, --domain <domain>", "user store domain")
    .option("-y, --yes", "do not ask for confirmation");
  withFormat(withEnv(deleteUser)).action(async (userId: string, options: DeleteUserOptions) =>
    (await actions()).deleteUser(userId, options),
  );

  const updatePassword = parents.update
    .command("password [userId]")
    .description("change your own password (asks for the current one), or reset another user's")
    .option("-d, --domain <domain>", "user store domain")
    .addHelpText("after", "\nWithout a terminal, the answers are read from standard input, one per line, in the order asked.");
  withFormat(withEnv(updatePassword)).action(async (userId: string | undefined, options: UpdatePasswordOptions) =>
    (await actions()).updatePassword(userId, options),
  );

  const updateUser = parents.update
    .command("user <userId>")
    .description("add roles to a user and revoke roles from them (asks for both lists when neither option is given)")
    .option("-a, --add-roles <roles...>", "roles to assign")
    .option("-r, --remove-roles <roles...>", "roles to revoke")
    .option("-d, --domain <domain>", "user store domain");
  withFormat(withEnv(updateUser)).action(async (userId: string, options: UpdateUserOptions) =>
    (await actions()).updateUser(userId, options),
  );
}
