import { Option, type Command } from "commander";
import type { ImportOptions } from "../actions/import.ts";
import { withEnv, withFormat } from "../options.ts";

const actions = () => import("../actions/import.ts");

export function registerImportCommands(program: Command): void {
  const group = program.command("import").description("bulk import (docs/import-export.md)");
  const users = group
    .command("users <file>")
    .description("import users from WSO2's bulk-import CSV, a CSV with named columns, or JSON lines: preview, then import")
    .option("--dry-run", "check every row and print the preview; write nothing")
    .option("-d, --domain <domain>", "user store to import into", "PRIMARY")
    .addOption(new Option("--on-existing <what>", "rows naming an existing user").choices(["skip", "update"]).default("skip"))
    .addHelpText(
      "after",
      "\nExit codes: 0 when every row was imported, 6 when some rows were invalid or failed (the others were imported).\n" +
        "Examples:\n  gatehouse import users users.csv --dry-run\n  gatehouse import users staff.jsonl -d SECONDARY --on-existing update",
    );
  withFormat(withEnv(users)).action(async (file: string, options: ImportOptions) => (await actions()).importUsers(file, options));
}
