import type { Command } from "commander";
import type { LoginOptions } from "../actions/auth.ts";

// commands/ holds the definitions only, what --help shows; each action loads its module (and
// with it zod, the contracts, cli-table3) when it runs, so `gatehouse --help` starts without them.
const actions = () => import("../actions/auth.ts");

export function registerAuthCommands(program: Command): void {
  program
    .command("login <env>")
    .description("log in to an environment; the token is kept in your config directory (mode 0600)")
    .option("-u, --username <name>", "username (prompted for when omitted)")
    .option("-p, --password <password>", "password; visible to other local users in the process list, prefer --password-stdin")
    .option("--password-stdin", "read the password from the first line of standard input")
    .addHelpText("after", "\nWithout a terminal, the username and password are read as the first two lines of standard input.")
    .action(async (env: string, options: LoginOptions) => (await actions()).login(env, options));

  program
    .command("logout <env>")
    .description("end the session on the server and delete the stored token")
    .action(async (env: string) => (await actions()).logout(env));
}
