import fs from "node:fs";
import path from "node:path";
import envPaths from "env-paths";
import { z } from "zod";
import { CliError, EXIT } from "./exit-codes.ts";

// Tokens are bearer credentials: the directory is 0700 and every file 0600, written to a
// private temporary file and renamed, so no reader ever sees a half-written or wider file.
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

export const ZEnvName = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    "An environment name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
  );
export const ZServerUrl = z
  .url({ protocol: /^https?$/, message: "The URL must start with http:// or https://, e.g. https://gatehouse.example.com." })
  .refine((url) => {
    const { username, password, search, hash } = new URL(url);
    return !username && !password && !search && !hash;
  }, "Give the server's base URL only: no user:password@, no ?query and no #fragment.")
  .transform((url) => url.replace(/\/+$/, ""));

/** Plain http is fine on this machine; anywhere else it carries passwords and tokens in the clear. */
export function isCleartextRemote(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

export const CLEARTEXT_WARNING =
  "Warning: this URL is plain http to another machine, so passwords and tokens cross the network unencrypted. Use https://.";

const ZEnvironments = z.record(z.string(), z.strictObject({ url: z.string() }));
// The URL the token was issued by: a token never goes to a server other than the one that issued it.
// `tenant`: the domain the server said the token acts in (absent from an older server's answer).
const ZCredential = z.strictObject({
  url: z.string(),
  username: z.string(),
  tenant: z.string().optional(),
  token: z.string(),
  savedAt: z.string(),
});
const ZCredentials = z.record(z.string(), ZCredential);

export type Credential = z.infer<typeof ZCredential>;

/** `GATEHOUSE_CONFIG_DIR`, else the platform's config directory (XDG on Linux). */
export function configDir(): string {
  return process.env.GATEHOUSE_CONFIG_DIR || envPaths("gatehouse", { suffix: "" }).config;
}

function readJson<T>(file: string, schema: z.ZodType<T>, empty: T): T {
  const full = path.join(configDir(), file);
  let text: string;
  try {
    text = fs.readFileSync(full, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return empty;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined; // not JSON: the schema refuses it below, like any other damage
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CliError(`${full} is damaged; fix or delete it.`, EXIT.failure);
  return parsed.data;
}

function writeJson(file: string, value: unknown): void {
  const dir = configDir();
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  // mkdir leaves an existing directory's mode alone; one made by hand may be wider.
  fs.chmodSync(dir, DIR_MODE);
  const full = path.join(dir, file);
  const temp = `${full}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: FILE_MODE, flag: "wx" });
  fs.renameSync(temp, full);
}

export function listEnvironments(): Record<string, { url: string }> {
  return readJson("environments.json", ZEnvironments, {});
}

/** Adds or re-points an environment; re-pointing drops its token, which belongs to the old server. */
export function saveEnvironment(name: string, url: string): void {
  const environments = listEnvironments();
  if (environments[name] && environments[name].url !== url) forgetCredential(name);
  writeJson("environments.json", { ...environments, [name]: { url } });
}

/** Removes the environment and its stored token; false when there was none. */
export function removeEnvironment(name: string): boolean {
  const environments = listEnvironments();
  if (!environments[name]) return false;
  delete environments[name];
  writeJson("environments.json", environments);
  forgetCredential(name);
  return true;
}

export function loadCredential(env: string): Credential | undefined {
  return readJson("credentials.json", ZCredentials, {})[env];
}

export function saveCredential(env: string, credential: Credential): void {
  writeJson("credentials.json", { ...readJson("credentials.json", ZCredentials, {}), [env]: credential });
}

export function forgetCredential(env: string): boolean {
  const all = readJson("credentials.json", ZCredentials, {});
  if (!all[env]) return false;
  delete all[env];
  writeJson("credentials.json", all);
  return true;
}
