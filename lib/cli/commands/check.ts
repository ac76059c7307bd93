import type { Command } from "commander";
import { EXIT } from "../exit-codes.ts";
import { withEnv, withFormat, type EnvOption, type FormatOption } from "../options.ts";
import { printJson, say } from "../output.ts";
import { ZDecision } from "../../contracts/authz.ts";
import { authenticated } from "../session.ts";

export function registerCheckCommand(program: Command): void {
  const check = program
    .command("check <user> <permission>")
    .description("may this user do that? Exits 0 when allowed and 1 when not")
    .option("--scope", "treat <permission> as an API scope (the default for names not starting with /)")
    .addHelpText(
      "after",
      "\nExamples:\n  gatehouse check alice /permission/admin/manage/identity/usermgt/view\n  gatehouse check SECONDARY/bob apim:api_publish",
    );
  withFormat(withEnv(check)).action(async (user: string, permission: string, options: EnvOption & FormatOption & { scope?: boolean }) => {
    const api = authenticated(options.env);
    const asScope = options.scope || !permission.startsWith("/");
    const decision = await api.call("POST", "/api/v1/authz/check", ZDecision, {
      body: asScope ? { user, scope: permission } : { user, permission },
    });
    if (options.format === "json") printJson(decision);
    else {
      const via = [...decision.reason.roles, ...decision.reason.aliases.map((a) => `${a.role} (alias of ${a.aliasOf})`)];
      say(decision.allowed ? `ALLOWED  ${user} may ${permission}, granted by: ${via.join(", ")}` : `DENIED   ${decision.reason.message}`);
    }
    process.exitCode = decision.allowed ? EXIT.ok : EXIT.denied;
  });
}
