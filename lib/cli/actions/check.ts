import { EXIT } from "../exit-codes.ts";
import type { EnvOption, FormatOption } from "../options.ts";
import { printJson, say, warn } from "../output.ts";
import { ZDecision } from "../../contracts/authz.ts";
import { authenticated } from "../session.ts";

export type CheckOptions = EnvOption & FormatOption & { scope?: boolean };

export async function check(user: string, permission: string, options: CheckOptions): Promise<void> {
  const api = authenticated(options.env);
  const asScope = options.scope || !permission.startsWith("/");
  const decision = await api.call("POST", "/api/v1/authz/check", ZDecision, {
    body: asScope ? { user, scope: permission } : { user, permission },
  });
  // An unknown user, permission or scope is not a denial: a typo must not read as "no".
  const unknown = decision.reason.code.startsWith("unknown-");
  if (options.format === "json") printJson(decision);
  else if (unknown) warn(`Error: ${decision.reason.message}`);
  else {
    const via = [...decision.reason.roles, ...decision.reason.aliases.map((a) => `${a.role} (alias of ${a.aliasOf})`)];
    say(decision.allowed ? `ALLOWED  ${user} may ${permission}, granted by: ${via.join(", ")}` : `DENIED   ${decision.reason.message}`);
  }
  process.exitCode = decision.allowed ? EXIT.ok : unknown ? EXIT.notFound : EXIT.denied;
}
