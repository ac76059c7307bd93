import type { Command } from "commander";
import { withFormat, type FormatOption } from "../options.ts";

const actions = () => import("../actions/env.ts");

export function registerEnvCommands(add: Command, get: Command, remove: Command): void {
  add
    .command("env <name>")
    .description("add or change a named Gatehouse server")
    .requiredOption("--url <url>", "the server's base URL, e.g. https://gatehouse.example.com")
    .action(async (name: string, options: { url: string }) => (await actions()).addEnv(name, options));

  withFormat(get.command("envs").description("list the configured environments and whether you are logged in to each")).action(
    async (options: FormatOption) => (await actions()).listEnvs(options),
  );

  remove
    .command("env <name>")
    .description("forget an environment and the token stored for it (log out first to end the session on the server)")
    .action(async (name: string) => (await actions()).deleteEnv(name));
}
