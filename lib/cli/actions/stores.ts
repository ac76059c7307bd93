import fs from "node:fs";
import { CliError, EXIT } from "../exit-codes.ts";
import type { EnvOption, FormatOption } from "../options.ts";
import { printFields, printJson, say } from "../output.ts";
import { askSecret } from "../prompts.ts";
import { printTable } from "../table.ts";
import { ZConnectionResult, ZStore, ZStoreList, ZStoreStatus } from "../../contracts/user-stores.ts";
import { authenticated } from "../session.ts";

type Common = EnvOption & FormatOption;
export type GetStoresOptions = Common;
export type AddStoreOptions = Common & {
  type: "ldap" | "jdbc";
  settings: string;
  description?: string;
  readWrite?: boolean;
  secretStdin?: boolean;
};
export type TestStoreOptions = Common & { type?: "ldap" | "jdbc"; settings?: string; secretStdin?: boolean };
const enc = encodeURIComponent;
const SECRET_FIELD = { ldap: "bindPassword", jdbc: "password" } as const;

export async function getStores(domain: string | undefined, options: GetStoresOptions): Promise<void> {
  const api = authenticated(options.env);
  if (domain) {
    const store = await api.call("GET", `/management/user-stores/${enc(domain)}`, ZStore);
    if (options.format === "json") return printJson(store);
    return printFields([
      ["Domain", store.domain],
      ["Type", store.type],
      ["Description", store.description || "-"],
      ["Read-only", store.readOnly ? "yes" : "no"],
      ["Enabled", store.enabled ? "yes" : "no"],
      ["Version", String(store.version)],
      ["Last sync", syncLine(store.sync)],
      ...Object.entries(store.settings).map(([key, value]): [string, string] => [key, showSetting(value)]),
    ]);
  }
  const { list } = await api.call("GET", "/management/user-stores", ZStoreList);
  if (options.format === "json") return printJson({ count: list.length, list });
  if (!list.length) return say("No secondary user stores.");
  printTable(
    ["DOMAIN", "TYPE", "READ-ONLY", "ENABLED", "LAST SYNC"],
    list.map((s) => [s.domain, s.type, s.readOnly ? "yes" : "no", s.enabled ? "yes" : "no", syncLine(s.sync)]),
  );
}

export async function addStore(domain: string, options: AddStoreOptions): Promise<void> {
  const api = authenticated(options.env);
  const settings = await readSettings(options.settings, options.type, options.secretStdin);
  const body = { domain, type: options.type, description: options.description, readOnly: !options.readWrite, settings };
  const result = await api.call("POST", "/management/user-stores", ZStoreStatus, { body });
  if (options.format === "json") return printJson(result);
  say(`User store ${result.domain} added. Test it with: gatehouse test store ${result.domain}`);
}

/** Tests a saved store, or with --settings the settings in a file before they are saved. */
export async function testStore(domain: string, options: TestStoreOptions): Promise<void> {
  const api = authenticated(options.env);
  const result = options.settings
    ? await api.call("POST", "/management/user-stores/test-connection", ZConnectionResult, {
        body: { type: options.type ?? "ldap", settings: await readSettings(options.settings, options.type ?? "ldap", options.secretStdin) },
      })
    : await api.call("POST", `/management/user-stores/${enc(domain)}/test`, ZConnectionResult);
  if (options.format === "json") printJson(result);
  else
    printTable(
      ["STEP", "RESULT", "MS", "DETAIL"],
      result.steps.map((s) => [s.step, s.ok ? "ok" : "FAILED", String(s.ms), s.detail]),
    );
  if (!result.ok) throw new CliError(`The connection test of ${domain} failed.`, EXIT.failure);
}

/** A JSON object of settings from a file (or "-" for stdin); the secret may come from stdin instead of the file. */
async function readSettings(file: string, type: "ldap" | "jdbc", secretStdin: boolean | undefined): Promise<Record<string, unknown>> {
  if (file === "-" && secretStdin) throw new CliError("Read the settings or the secret from stdin, not both.", EXIT.usage);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file === "-" ? 0 : file, "utf8"));
  } catch (error) {
    throw new CliError(`Cannot read the settings from ${file === "-" ? "stdin" : file}: ${(error as Error).message}`, EXIT.usage);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new CliError("The settings must be a JSON object.", EXIT.usage);
  const settings = { ...(value as Record<string, unknown>) };
  if (secretStdin) settings[SECRET_FIELD[type]] = await askSecret(`${SECRET_FIELD[type]}:`, true);
  return settings;
}

function syncLine(
  sync: { state: string; finishedAt: string | null; usersSeen: number; groupsSeen: number; lastError: string | null } | null,
): string {
  if (!sync || (!sync.finishedAt && sync.state === "idle")) return "never";
  const counts = `${sync.usersSeen} users, ${sync.groupsSeen} groups`;
  return sync.state === "failed" ? `failed: ${sync.lastError ?? "unknown error"}` : `${sync.state} ${sync.finishedAt ?? ""} (${counts})`;
}

function showSetting(value: unknown): string {
  if (value && typeof value === "object" && "set" in value) return (value as { set: boolean }).set ? "(set)" : "(not set)";
  return typeof value === "string" ? value : JSON.stringify(value);
}
