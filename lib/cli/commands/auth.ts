import type { Command } from "commander";
import { callServer } from "../api.ts";
import { CliError, EXIT } from "../exit-codes.ts";
import { say, warn } from "../output.ts";
import { askSecret, askText } from "../prompts.ts";
import { z } from "zod";
import { ZToken } from "../../contracts/management.ts";
import { resolveTarget, tokenExpiry } from "../session.ts";
import { CLEARTEXT_WARNING, forgetCredential, isCleartextRemote, loadCredential, saveCredential } from "../store.ts";

type LoginOptions = { username?: string; password?: string; passwordStdin?: boolean };

export function registerAuthCommands(program: Command): void {
  program
    .command("login <env>")
    .description("log in to an environment; the token is kept in your config directory (mode 0600)")
    .option("-u, --username <name>", "username (prompted for when omitted)")
    .option("-p, --password <password>", "password; visible to other local users in the process list, prefer --password-stdin")
    .option("--password-stdin", "read the password from the first line of standard input")
    .addHelpText("after", "\nWithout a terminal, the username and password are read as the first two lines of standard input.")
    .action(async (env: string, options: LoginOptions) => {
      const target = resolveTarget(env);
      if (isCleartextRemote(target.url)) warn(CLEARTEXT_WARNING);
      if (options.password && options.passwordStdin) throw new CliError("Use --password or --password-stdin, not both.", EXIT.usage);
      // Otherwise the first line, meant as the password, would be taken for the username.
      if (options.passwordStdin && !options.username) throw new CliError("--password-stdin needs -u <username>.", EXIT.usage);
      const username = options.username ?? (await askText("Username:"));
      const password = options.password ?? (await askSecret("Password:", options.passwordStdin));
      const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
      const { AccessToken } = await callServer(target, "POST", "/management/login", ZToken, { authorization: `Basic ${basic}` });
      saveCredential(target.env, { url: target.url, username, token: AccessToken, savedAt: new Date().toISOString() });
      const expiry = tokenExpiry(AccessToken);
      say(
        `Logged in to "${target.env}" as ${username}${expiry ? `; the token expires at ${expiry.toISOString()} or after the server's idle timeout` : ""}.`,
      );
    });

  program
    .command("logout <env>")
    .description("end the session on the server and delete the stored token")
    .action(async (env: string) => {
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
    });
}
