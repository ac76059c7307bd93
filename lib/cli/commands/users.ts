import type { Command } from "commander";
import { collectPages } from "../api.ts";
import { CliError, EXIT } from "../exit-codes.ts";
import { withEnv, withFormat, withLimit, type EnvOption, type FormatOption, type LimitOptions } from "../options.ts";
import { printFields, printJson, printTable, say, warn } from "../output.ts";
import { askConfirm, askSecret, askText, confirmDeletion, splitList } from "../prompts.ts";
import { sameQualifiedName, withDomain } from "../../core/domains.ts";
import { ZAssignmentResult, ZStatus, ZUser, ZUserPage } from "../../contracts/management.ts";
import { authenticated } from "../session.ts";

type Domain = { domain?: string };
const enc = encodeURIComponent;

export function registerUserCommands(parents: { get: Command; add: Command; remove: Command; update: Command }): void {
  const getUsers = parents.get
    .command("users [userId]")
    .description("list users, or show one user's admin flag and roles")
    .option("-p, --pattern <pattern>", "username pattern, * is a wildcard (e.g. '*smith*')")
    .option("-r, --role <role>", "only members of this role")
    .option("-d, --domain <domain>", "user store domain (e.g. PRIMARY)");
  withLimit(withFormat(withEnv(getUsers)), "users").action(
    async (userId: string | undefined, options: EnvOption & FormatOption & Domain & { pattern?: string; role?: string } & LimitOptions) => {
      const api = authenticated(options.env);
      if (userId) {
        const user = await api.call("GET", `/management/users/${enc(userId)}`, ZUser, { query: { domain: options.domain } });
        if (options.format === "json") return printJson(user);
        return printFields([
          ["User ID", user.userId],
          ["Admin", user.isAdmin ? "yes" : "no"],
          ["Roles", user.roles.join(", ") || "-"],
        ]);
      }
      const { items, truncated } = await collectPages(
        (cursor, limit) =>
          api.call("GET", "/management/users", ZUserPage, {
            query: { pattern: options.pattern, role: options.role, domain: options.domain, limit, cursor },
          }),
        (page) => page.list,
        options,
      );
      if (options.format === "json") printJson({ count: items.length, list: items, truncated });
      else if (!items.length) say("No users match.");
      else
        printTable(
          ["USER ID"],
          items.map((u) => [u.userId]),
        );
      if (truncated) warn(`Showing the first ${items.length} users; more match. Raise --limit or narrow the search with -p or -r.`);
    },
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
  withFormat(withEnv(addUser)).action(
    async (
      userId: string,
      options: EnvOption & FormatOption & Domain & { admin?: boolean; password?: string; passwordStdin?: boolean },
    ) => {
      const api = authenticated(options.env);
      if (options.password && options.passwordStdin) throw new CliError("Use --password or --password-stdin, not both.", EXIT.usage);
      // --password-stdin means the first line is the password, whatever else is asked after it.
      const early = options.passwordStdin ? await askNewPassword(true) : undefined;
      const isAdmin = options.admin ?? (await askConfirm("Is this user an admin?", false));
      const password = options.password ?? early ?? (await askNewPassword(false));
      const domain = options.domain ?? (await askText("User store domain:", "PRIMARY"));
      const result = await api.call("POST", "/management/users", ZStatus, { body: { userId, password, isAdmin, domain } });
      if (options.format === "json") return printJson(result);
      say(`User ${result.userId} added${isAdmin ? " as an admin" : ""}.`);
    },
  );

  const deleteUser = parents.remove
    .command("user <userId>")
    .description("delete a user (asks first unless --yes)")
    .option("-d, --domain <domain>", "user store domain")
    .option("-y, --yes", "do not ask for confirmation");
  withFormat(withEnv(deleteUser)).action(async (userId: string, options: EnvOption & FormatOption & Domain & { yes?: boolean }) => {
    const api = authenticated(options.env);
    await confirmDeletion(`Delete user ${userId}${options.domain ? ` from ${options.domain}` : ""}? This cannot be undone.`, options.yes);
    const result = await api.call("DELETE", `/management/users/${enc(userId)}`, ZStatus, { query: { domain: options.domain } });
    if (options.format === "json") return printJson(result);
    say(`User ${result.userId} deleted.`);
  });

  const updatePassword = parents.update
    .command("password [userId]")
    .description("change your own password (asks for the current one), or reset another user's")
    .option("-d, --domain <domain>", "user store domain")
    .addHelpText("after", "\nWithout a terminal, the answers are read from standard input, one per line, in the order asked.");
  withFormat(withEnv(updatePassword)).action(async (userId: string | undefined, options: EnvOption & FormatOption & Domain) => {
    const api = authenticated(options.env);
    const target = userId ?? api.username;
    const own = sameQualifiedName(withDomain(target, options.domain), api.username);
    const oldPassword = own ? await askSecret("Current password:") : undefined;
    const newPassword = await askSecret("New password:");
    const confirmPassword = await askSecret("Confirm new password:");
    if (newPassword !== confirmPassword) throw new CliError("The new passwords do not match. Nothing was changed.", EXIT.usage);
    const result = await api.call("PATCH", `/management/users/${enc(target)}`, ZStatus, {
      query: { domain: options.domain },
      body: { oldPassword, newPassword, confirmPassword },
    });
    if (options.format === "json") return printJson(result);
    say(own ? "Your password was changed." : `The password of ${result.userId} was reset; their sessions were ended.`);
  });

  const updateUser = parents.update
    .command("user <userId>")
    .description("add roles to a user and revoke roles from them (asks for both lists when neither option is given)")
    .option("-a, --add-roles <roles...>", "roles to assign")
    .option("-r, --remove-roles <roles...>", "roles to revoke")
    .option("-d, --domain <domain>", "user store domain");
  withFormat(withEnv(updateUser)).action(
    async (userId: string, options: EnvOption & FormatOption & Domain & { addRoles?: string[]; removeRoles?: string[] }) => {
      const api = authenticated(options.env);
      const asked = !options.addRoles && !options.removeRoles;
      const addedRoles = options.addRoles ?? (asked ? splitList(await askText("Roles to add (comma-separated, empty for none):", "")) : []);
      const removedRoles =
        options.removeRoles ?? (asked ? splitList(await askText("Roles to revoke (comma-separated, empty for none):", "")) : []);
      if (!addedRoles.length && !removedRoles.length) throw new CliError("Name at least one role to add or revoke.", EXIT.usage);
      const result = await api.call("PUT", "/management/roles", ZAssignmentResult, {
        query: { detail: "true" },
        body: { userId, domain: options.domain, addedRoles, removedRoles },
      });
      if (options.format === "json") return printJson(result);
      const parts = [
        result.addedRoles.length ? `added ${result.addedRoles.join(", ")}` : "",
        result.removedRoles.length ? `revoked ${result.removedRoles.join(", ")}` : "",
      ].filter(Boolean);
      say(`User ${result.userId}: ${parts.join("; ") || "no change"}.`);
    },
  );
}

/** Asked twice in a terminal or from piped lines, once with --password-stdin. */
async function askNewPassword(fromStdin: boolean): Promise<string> {
  const password = await askSecret("Password:", fromStdin);
  if (!fromStdin && (await askSecret("Confirm password:")) !== password)
    throw new CliError("The passwords do not match. Nothing was added.", EXIT.usage);
  return password;
}
