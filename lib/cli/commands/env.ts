import type { Command } from "commander";
import { CliError, EXIT } from "../exit-codes.ts";
import { parseOrUsage as parse, withFormat, type FormatOption } from "../options.ts";
import { printJson, printTable, say, warn } from "../output.ts";
import {
  CLEARTEXT_WARNING,
  isCleartextRemote,
  listEnvironments,
  loadCredential,
  removeEnvironment,
  saveEnvironment,
  ZEnvName,
  ZServerUrl,
} from "../store.ts";

export function registerEnvCommands(add: Command, get: Command, remove: Command): void {
  add
    .command("env <name>")
    .description("add or change a named Gatehouse server")
    .requiredOption("--url <url>", "the server's base URL, e.g. https://gatehouse.example.com")
    .action((name: string, options: { url: string }) => {
      const env = parse(ZEnvName, name);
      const url = parse(ZServerUrl, options.url);
      const existed = Boolean(listEnvironments()[env]);
      saveEnvironment(env, url);
      say(`Environment "${env}" ${existed ? "now points at" : "added:"} ${url}`);
      if (isCleartextRemote(url)) warn(CLEARTEXT_WARNING);
    });

  withFormat(get.command("envs").description("list the configured environments and whether you are logged in to each")).action(
    (options: FormatOption) => {
      const rows = Object.entries(listEnvironments()).map(([name, { url }]) => ({
        name,
        url,
        loggedInAs: loadCredential(name)?.username ?? null,
      }));
      if (options.format === "json") return printJson({ count: rows.length, list: rows });
      if (!rows.length) return say("No environments yet. Add one: gatehouse add env <name> --url <server URL>");
      printTable(
        ["NAME", "URL", "LOGGED IN AS"],
        rows.map((r) => [r.name, r.url, r.loggedInAs ?? "-"]),
      );
    },
  );

  remove
    .command("env <name>")
    .description("forget an environment and the token stored for it (log out first to end the session on the server)")
    .action((name: string) => {
      if (!removeEnvironment(name)) throw new CliError(`There is no environment "${name}".`, EXIT.notFound);
      say(`Environment "${name}" removed.`);
    });
}
