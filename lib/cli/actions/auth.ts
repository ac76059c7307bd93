import { z } from "zod";
import { callServer } from "../api.ts";
import { CliError, EXIT } from "../exit-codes.ts";
import { say, warn } from "../output.ts";
import { askSecret, askText } from "../prompts.ts";
import { ZToken } from "../../contracts/management.ts";
import { resolveTarget, tokenExpiry } from "../session.ts";
import { CLEARTEXT_WARNING, forgetCredential, isCleartextRemote, loadCredential, saveCredential } from "../store.ts";

export type LoginOptions = { username?: string; password?: string; passwordStdin?: boolean };

export async function login(env: string, options: LoginOptions): Promise<void> {
  const target = resolveTarget(env);
  if (isCleartextRemote(target.url)) warn(CLEARTEXT_WARNING);
  if (options.password && options.passwordStdin) throw new CliError("Use --password or --password-stdin, not both.", EXIT.usage);
  // Otherwise the first line, meant as the password, would be taken for the username.
  if (options.passwordStdin && !options.username) throw new CliError("--password-stdin needs -u <username>.", EXIT.usage);
  const username = options.username ?? (await askText("Username:"));
  const password = options.password ?? (await askSecret("Password:", options.passwordStdin));
  const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  const { AccessToken, Tenant } = await callServer(target, "POST", "/management/login", ZToken, { authorization: `Basic ${basic}` });
  // The token is bound to a session in one tenant (name@tenant signs in to it); every later
  // command acts there, so the tenant is kept and shown with the login.
  saveCredential(target.env, { url: target.url, username, tenant: Tenant, token: AccessToken, savedAt: new Date().toISOString() });
  const expiry = tokenExpiry(AccessToken);
  say(
    `Logged in to "${target.env}" as ${username}${Tenant ? ` in tenant ${Tenant}` : ""}` +
      `${expiry ? `; the token expires at ${expiry.toISOString()} or after the server's idle timeout` : ""}.`,
  );
}

export async function logout(env: string): Promise<void> {
  const target = resolveTarget(env);
  const credential = loadCredential(target.env);
  if (!credential || credential.url !== target.url) return say(`You were not logged in to "${target.env}".`);
  try {
    await callServer(target, "POST", "/management/logout", z.unknown(), { authorization: `Bearer ${credential.token}` });
  } catch (error) {
    // An expired or revoked token is already signed out; anything else must not keep a token the user asked to drop.
    forgetCredential(target.env);
    if (error instanceof CliError && error.exitCode === EXIT.notAuthenticated)
      return say(`Logged out of "${target.env}" (the server had already ended that session).`);
    warn(`The stored token was deleted, but the server could not be told: ${(error as Error).message}`);
    throw error;
  }
  forgetCredential(target.env);
  say(`Logged out of "${target.env}".`);
}
