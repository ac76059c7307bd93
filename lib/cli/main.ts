import { Command, CommanderError } from "commander";
import { registerAuthCommands } from "./commands/auth.ts";
import { registerCheckCommand } from "./commands/check.ts";
import { registerEnvCommands } from "./commands/env.ts";
import { registerImportCommands } from "./commands/import.ts";
import { registerExportCommands } from "./commands/export.ts";
import { registerRoleCommands } from "./commands/roles.ts";
import { registerStoreCommands } from "./commands/stores.ts";
import { registerTenantCommands } from "./commands/tenants.ts";
import { registerUserCommands } from "./commands/users.ts";
import { CliError, EXIT, EXIT_CODE_HELP } from "./exit-codes.ts";
import { safe, warn } from "./output.ts";
import { closePrompts } from "./prompts.ts";
import pkg from "../../package.json" with { type: "json" };

export function buildProgram(): Command {
  const program = new Command("gatehouse")
    .description("Manage Gatehouse users, roles and tenants from the command line, as apictl's `mi` commands do for the Micro Integrator.")
    .version(pkg.version)
    .exitOverride()
    // commander writes "error: …" for usage errors; every other failure reads "Error: …" (main below).
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, "Error:")) })
    .showHelpAfterError("(add --help for usage)")
    .addHelpText(
      "after",
      `\nStart with:\n  gatehouse add env dev --url http://localhost:3000\n  gatehouse login dev\n  gatehouse get users -e dev\n\n${EXIT_CODE_HELP}`,
    );
  const group = (name: string, description: string) => program.command(name).description(description);
  const get = group("get", "list or show users, roles, user stores, tenants and environments");
  const add = group("add", "add an environment, a user, a role, a user store or a tenant");
  const remove = group("delete", "delete a user, a role, a tenant or an environment");
  const update = group("update", "change a user's roles or a password");
  const test = group("test", "test a user store's connection");
  const activate = group("activate", "let a tenant's users sign in again");
  const deactivate = group("deactivate", "stop a tenant's users signing in");
  const exportGroup = group("export", "export users to a file (CSV or JSON lines)");
  registerAuthCommands(program);
  registerEnvCommands(add, get, remove);
  registerUserCommands({ get, add, remove, update });
  registerRoleCommands({ get, add, remove });
  registerStoreCommands({ get, add, test });
  registerTenantCommands({ get, add, remove, activate, deactivate });
  registerCheckCommand(program);
  registerImportCommands(program);
  registerExportCommands(exportGroup);
  return program;
}

/** Runs the CLI and answers the exit code; messages already went to stdout or stderr. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliError) {
      warn(`Error: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof Error && error.name === "ExitPromptError") return EXIT.interrupted;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`Unexpected error: ${detail.split("\n").map(safe).join("\n")}\n`);
    return EXIT.failure;
  } finally {
    closePrompts();
  }
}
