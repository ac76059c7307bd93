import type { Command } from "commander";
import type { CheckOptions } from "../actions/check.ts";
import { withEnv, withFormat } from "../options.ts";

const actions = () => import("../actions/check.ts");

export function registerCheckCommand(program: Command): void {
  const check = program
    .command("check <user> <permission>")
    .description("may this user do that? Exits 0 when allowed, 1 when not, 5 when the user, permission or scope does not exist")
    .option("--scope", "treat <permission> as an API scope (the default for names not starting with /)")
    .addHelpText(
      "after",
      "\nExamples:\n  gatehouse check alice /permission/admin/manage/identity/usermgt/view\n  gatehouse " +
        "check SECONDARY/bob apim:api_publish",
    );
  withFormat(withEnv(check)).action(async (user: string, permission: string, options: CheckOptions) =>
    (await actions()).check(user, permission, options),
  );
}
