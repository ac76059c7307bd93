import { Option, type Command } from "commander";
import type { ExportUsersOptions } from "../actions/export.ts";
import { withEnv } from "../options.ts";

const actions = () => import("../actions/export.ts");

export function registerExportCommands(exportGroup: Command): void {
  const users = exportGroup
    .command("users")
    .description("export users with their roles and claims, as the Users page filters them (streamed: any number of users)")
    .addOption(
      new Option("--format <format>", "csv (WSO2's bulk-import columns) or json (JSON lines, one user per line)")
        .choices(["csv", "json"])
        .default("csv"),
    )
    .option(
      "-s, --search <text>",
      "username search: text matches anywhere in the name, ignoring case; with *, a WSO2 pattern of the whole name",
    )
    .option("-d, --domain <domain>", "only this user store's users (default: every store)")
    .option("--claim <uri>", "only users holding this claim (with --value)")
    .option("--value <pattern>", "the claim's value, a * pattern ignoring case (default: any value)")
    .option("-o, --output <file>", "write the file here instead of to standard output")
    .addHelpText(
      "after",
      "\nExamples:\n  gatehouse export users > users.csv\n  gatehouse export users --format json --domain SECONDARY -o secondary.jsonl\n" +
        "  gatehouse export users --claim http://wso2.org/claims/organization --value 'acme*'",
    );
  withEnv(users).action(async (options: ExportUsersOptions) => (await actions()).exportUsers(options));
}
