import { CliError, EXIT } from "../exit-codes.ts";
import { parseOrUsage as parse, type FormatOption } from "../options.ts";
import { printJson, say, warn } from "../output.ts";
import { printTable } from "../table.ts";
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

export function addEnv(name: string, options: { url: string }): void {
  const env = parse(ZEnvName, name);
  const url = parse(ZServerUrl, options.url);
  const existed = Boolean(listEnvironments()[env]);
  saveEnvironment(env, url);
  say(`Environment "${env}" ${existed ? "now points at" : "added:"} ${url}`);
  if (isCleartextRemote(url)) warn(CLEARTEXT_WARNING);
}

export function listEnvs(options: FormatOption): void {
  const rows = Object.entries(listEnvironments()).map(([name, { url }]) => {
    const credential = loadCredential(name);
    return { name, url, loggedInAs: credential?.username ?? null, tenant: credential?.tenant ?? null };
  });
  if (options.format === "json") return printJson({ count: rows.length, list: rows });
  if (!rows.length) return say("No environments yet. Add one: gatehouse add env <name> --url <server URL>");
  printTable(
    ["NAME", "URL", "LOGGED IN AS", "TENANT"],
    rows.map((r) => [r.name, r.url, r.loggedInAs ?? "-", r.tenant ?? "-"]),
  );
}

export function deleteEnv(name: string): void {
  if (!removeEnvironment(name)) throw new CliError(`There is no environment "${name}".`, EXIT.notFound);
  say(`Environment "${name}" removed.`);
}
