import { collectPages } from "../api.ts";
import { CliError, EXIT } from "../exit-codes.ts";
import type { EnvOption, FormatOption, LimitOptions } from "../options.ts";
import { printFields, printJson, say, warn } from "../output.ts";
import { printTable } from "../table.ts";
import { askConfirm, askSecret, askText, confirmDeletion, splitList } from "../prompts.ts";
import { sameQualifiedName, withDomain } from "../../core/domains.ts";
import { ZAssignmentResult, ZStatus, ZUser, ZUserPage } from "../../contracts/management.ts";
import { checkNewPassword } from "../password-policy.ts";
import { noMatchMessage } from "../search-hint.ts";
import { authenticated, type Authed } from "../session.ts";

type Domain = { domain?: string };
type Common = EnvOption & FormatOption & Domain;
export type GetUsersOptions = Common & { pattern?: string; role?: string } & LimitOptions;
export type AddUserOptions = Common & { admin?: boolean; password?: string; passwordStdin?: boolean };
export type DeleteUserOptions = Common & { yes?: boolean };
export type UpdatePasswordOptions = Common;
export type UpdateUserOptions = Common & { addRoles?: string[]; removeRoles?: string[] };
const enc = encodeURIComponent;

export async function getUsers(userId: string | undefined, options: GetUsersOptions): Promise<void> {
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
  // `search` and `detail` are Gatehouse's own (docs/cli.md): -p as the console searches, and
  // each user's domain and roles in the same answer, one query a page on the server.
  const { items, truncated } = await collectPages(
    (cursor, limit) =>
      api.call("GET", "/management/users", ZUserPage, {
        query: { search: options.pattern, role: options.role, domain: options.domain, detail: "true", limit, cursor },
      }),
    (page) => page.list,
    options,
  );
  if (options.format === "json") printJson({ count: items.length, list: items, truncated });
  else if (!items.length) {
    const { message, hint } = noMatchMessage("users", options);
    say(message);
    warn(hint);
  } else
    printTable(
      ["USER ID", "DOMAIN", "ROLES"],
      items.map((u) => [u.userId, u.domain ?? "-", u.roles?.join(", ") || "-"]),
    );
  if (truncated) warn(`Showing the first ${items.length} users; more match. Raise --limit or narrow the search with -p or -r.`);
}

export async function addUser(userId: string, options: AddUserOptions): Promise<void> {
  const api = authenticated(options.env);
  if (options.password && options.passwordStdin) throw new CliError("Use --password or --password-stdin, not both.", EXIT.usage);
  // --password-stdin means the first line is the password, whatever else is asked after it.
  if (options.password) await checkNewPassword(api, options.password, "password");
  const early = options.passwordStdin ? await askNewPassword(api, true) : undefined;
  const isAdmin = options.admin ?? (await askConfirm("Is this user an admin?", false));
  const password = options.password ?? early ?? (await askNewPassword(api, false));
  const domain = options.domain ?? (await askText("User store domain:", "PRIMARY"));
  const result = await api.call("POST", "/management/users", ZStatus, { body: { userId, password, isAdmin, domain } });
  if (options.format === "json") return printJson(result);
  say(`User ${result.userId} added${isAdmin ? " as an admin" : ""}.`);
}

export async function deleteUser(userId: string, options: DeleteUserOptions): Promise<void> {
  const api = authenticated(options.env);
  await confirmDeletion(`Delete user ${userId}${options.domain ? ` from ${options.domain}` : ""}? This cannot be undone.`, options.yes);
  const result = await api.call("DELETE", `/management/users/${enc(userId)}`, ZStatus, { query: { domain: options.domain } });
  if (options.format === "json") return printJson(result);
  say(`User ${result.userId} deleted.`);
}

export async function updatePassword(userId: string | undefined, options: UpdatePasswordOptions): Promise<void> {
  const api = authenticated(options.env);
  const target = userId ?? api.username;
  const own = sameQualifiedName(withDomain(target, options.domain), api.username);
  const oldPassword = own ? await askSecret("Current password:") : undefined;
  const newPassword = await askSecret("New password:");
  await checkNewPassword(api, newPassword, "newPassword");
  const confirmPassword = await askSecret("Confirm new password:");
  if (newPassword !== confirmPassword) throw new CliError("The new passwords do not match. Nothing was changed.", EXIT.usage);
  const result = await api.call("PATCH", `/management/users/${enc(target)}`, ZStatus, {
    query: { domain: options.domain },
    body: { oldPassword, newPassword, confirmPassword },
  });
  if (options.format === "json") return printJson(result);
  say(own ? "Your password was changed." : `The password of ${result.userId} was reset; their sessions were ended.`);
}

export async function updateUser(userId: string, options: UpdateUserOptions): Promise<void> {
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
}

/** Asked twice in a terminal or from piped lines, once with --password-stdin; checked against the policy once typed. */
async function askNewPassword(api: Authed, fromStdin: boolean): Promise<string> {
  const password = await askSecret("Password:", fromStdin);
  await checkNewPassword(api, password, "password");
  if (!fromStdin && (await askSecret("Confirm password:")) !== password)
    throw new CliError("The passwords do not match. Nothing was added.", EXIT.usage);
  return password;
}
