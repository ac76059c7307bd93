import { collectPages } from "../api.ts";
import type { EnvOption, FormatOption, LimitOptions } from "../options.ts";
import { printJson, say, warn } from "../output.ts";
import { printTable } from "../table.ts";
import { ZRoleMembersPage, ZRolePage, ZRoleStatus } from "../../contracts/management.ts";
import { authenticated } from "../session.ts";
import { confirmDeletion } from "../prompts.ts";
import { noMatchMessage } from "../search-hint.ts";

type Domain = { domain?: string };
export type GetRolesOptions = EnvOption & FormatOption & Domain & { pattern?: string } & LimitOptions;
export type AddRoleOptions = EnvOption & FormatOption & Domain;
export type DeleteRoleOptions = EnvOption & FormatOption & Domain & { yes?: boolean };
const enc = encodeURIComponent;

export async function getRoles(role: string | undefined, options: GetRolesOptions): Promise<void> {
  const api = authenticated(options.env);
  if (role) {
    const { first, items, truncated } = await collectPages(
      (cursor, limit) =>
        api.call("GET", `/management/roles/${enc(role)}`, ZRoleMembersPage, { query: { domain: options.domain, limit, cursor } }),
      (page) => page.users,
      options,
    );
    if (options.format === "json") printJson({ role: first.role, count: items.length, users: items, truncated });
    else if (!items.length) say(`Role ${first.role} has no users.`);
    else
      printTable(
        [`USERS IN ${first.role}`],
        items.map((u) => [u]),
      );
    if (truncated) warn(`Showing the first ${items.length} users of ${first.role}; there are more. Raise --limit.`);
    return;
  }
  const { items, truncated } = await collectPages(
    (cursor, limit) =>
      api.call("GET", "/management/roles", ZRolePage, { query: { search: options.pattern, domain: options.domain, limit, cursor } }),
    (page) => page.list,
    options,
  );
  if (options.format === "json") printJson({ count: items.length, list: items, truncated });
  else if (!items.length) {
    const { message, hint } = noMatchMessage("roles", options);
    say(message);
    warn(hint);
  } else
    printTable(
      ["ROLE"],
      items.map((r) => [r.role]),
    );
  if (truncated) warn(`Showing the first ${items.length} roles; more match. Raise --limit or narrow the search with -p.`);
}

export async function addRole(role: string, options: AddRoleOptions): Promise<void> {
  const api = authenticated(options.env);
  const result = await api.call("POST", "/management/roles", ZRoleStatus, { body: { role, domain: options.domain } });
  if (options.format === "json") return printJson(result);
  say(`Role ${result.role} added.`);
}

export async function deleteRole(role: string, options: DeleteRoleOptions): Promise<void> {
  const api = authenticated(options.env);
  await confirmDeletion(
    `Delete role ${role}${options.domain ? ` from ${options.domain}` : ""}? Its users lose it. This cannot be undone.`,
    options.yes,
  );
  const result = await api.call("DELETE", `/management/roles/${enc(role)}`, ZRoleStatus, { query: { domain: options.domain } });
  if (options.format === "json") return printJson(result);
  say(`Role ${result.role} deleted.`);
}
