import type { Command } from "commander";
import { collectPages } from "../api.ts";
import { withEnv, withFormat, withLimit, type EnvOption, type FormatOption, type LimitOptions } from "../options.ts";
import { printJson, printTable, say, warn } from "../output.ts";
import { ZRoleMembersPage, ZRolePage, ZRoleStatus } from "../../contracts/management.ts";
import { authenticated } from "../session.ts";
import { confirmDeletion } from "../prompts.ts";

type Domain = { domain?: string };
const enc = encodeURIComponent;

export function registerRoleCommands(parents: { get: Command; add: Command; remove: Command }): void {
  const getRoles = parents.get
    .command("roles [role]")
    .description("list roles, or show the users in one role")
    .option("-p, --pattern <text>", "only roles whose name contains this text (* is a wildcard)")
    .option("-d, --domain <domain>", "user store domain of the role (e.g. PRIMARY, Internal)");
  withLimit(withFormat(withEnv(getRoles)), "roles or users").action(
    async (role: string | undefined, options: EnvOption & FormatOption & Domain & { pattern?: string } & LimitOptions) => {
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
          api.call("GET", "/management/roles", ZRolePage, { query: { searchKey: options.pattern, domain: options.domain, limit, cursor } }),
        (page) => page.list,
        options,
      );
      if (options.format === "json") printJson({ count: items.length, list: items, truncated });
      else if (!items.length) say("No roles match.");
      else
        printTable(
          ["ROLE"],
          items.map((r) => [r.role]),
        );
      if (truncated) warn(`Showing the first ${items.length} roles; more match. Raise --limit or narrow the search with -p.`);
    },
  );

  const addRole = parents.add
    .command("role <role>")
    .description("add a role (its permissions are set in the console)")
    .option("-d, --domain <domain>", "user store domain (default PRIMARY)");
  withFormat(withEnv(addRole)).action(async (role: string, options: EnvOption & FormatOption & Domain) => {
    const api = authenticated(options.env);
    const result = await api.call("POST", "/management/roles", ZRoleStatus, { body: { role, domain: options.domain } });
    if (options.format === "json") return printJson(result);
    say(`Role ${result.role} added.`);
  });

  const deleteRole = parents.remove
    .command("role <role>")
    .description("delete a role; its users lose it (asks first unless --yes)")
    .option("-d, --domain <domain>", "user store domain")
    .option("-y, --yes", "do not ask for confirmation");
  withFormat(withEnv(deleteRole)).action(async (role: string, options: EnvOption & FormatOption & Domain & { yes?: boolean }) => {
    const api = authenticated(options.env);
    await confirmDeletion(
      `Delete role ${role}${options.domain ? ` from ${options.domain}` : ""}? Its users lose it. This cannot be undone.`,
      options.yes,
    );
    const result = await api.call("DELETE", `/management/roles/${enc(role)}`, ZRoleStatus, { query: { domain: options.domain } });
    if (options.format === "json") return printJson(result);
    say(`Role ${result.role} deleted.`);
  });
}
