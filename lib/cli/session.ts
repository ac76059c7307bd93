import { DEFAULT_PASSWORD_REASON } from "../core/contract.ts";
import { callServer, downloadFromServer, uploadToServer, type Target } from "./api.ts";
import { CliError, EXIT } from "./exit-codes.ts";
import { listEnvironments, loadCredential } from "./store.ts";
import type { z } from "zod";

/** `-e`, else GATEHOUSE_ENV, else the only environment there is. */
export function resolveTarget(requested: string | undefined): Target {
  const environments = listEnvironments();
  const names = Object.keys(environments);
  const env = requested ?? process.env.GATEHOUSE_ENV ?? (names.length === 1 ? names[0] : undefined);
  if (!env) {
    const hint = names.length
      ? `Choose one with -e <env> (configured: ${names.join(", ")}).`
      : "Add one first: gatehouse add env <name> --url <server URL>";
    throw new CliError(`Which environment? ${hint}`, EXIT.usage);
  }
  const found = environments[env];
  if (!found)
    throw new CliError(`There is no environment "${env}". Add it with: gatehouse add env ${env} --url <server URL>`, EXIT.notFound);
  return { env, url: found.url };
}

/** Seconds since the epoch at which a `gh1.` token stops being accepted, or null for another shape. */
export function tokenExpiry(token: string): Date | null {
  const exp = token.split(".")[2];
  return exp && /^\d+$/.test(exp) ? new Date(Number(exp) * 1000) : null;
}

export type Authed = Target & {
  username: string;
  call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    options?: { query?: Record<string, string | number | undefined>; body?: unknown },
  ): Promise<T>;
  /** A GET answered with a file (an export), streamed. */
  download(path: string, options?: { query?: Record<string, string | number | undefined> }): Promise<ReadableStream<Uint8Array>>;
  /** A POST of a file (an import), streamed up; the answer streamed back. */
  upload(
    path: string,
    options: { query?: Record<string, string | number | undefined>; upload: { body: BodyInit; contentType: string } },
  ): Promise<ReadableStream<Uint8Array>>;
};

/** The environment with its stored token; refuses before any request when there is none or it has expired. */
export function authenticated(requested: string | undefined): Authed {
  const target = resolveTarget(requested);
  const credential = loadCredential(target.env);
  if (!credential || credential.url !== target.url)
    throw new CliError(`You are not logged in to "${target.env}". Run: gatehouse login ${target.env}`, EXIT.notAuthenticated);
  const expiry = tokenExpiry(credential.token);
  if (expiry && expiry.getTime() <= Date.now()) {
    throw new CliError(
      `Your login to "${target.env}" expired at ${expiry.toISOString()}. Run: gatehouse login ${target.env}`,
      EXIT.notAuthenticated,
    );
  }
  const authorization = `Bearer ${credential.token}`;
  const onUnauthorized = (reason: string) =>
    `The server refused your login to "${target.env}": it expired, was revoked or signed out (${reason}) Run: ` +
    `gatehouse login ${target.env}`;
  const explained = (error: unknown): never => {
    // The MI's error shape carries no code, so decide()'s message for this state is recognised.
    if (error instanceof CliError && error.exitCode === EXIT.forbidden && error.message === DEFAULT_PASSWORD_REASON) {
      throw new CliError(`${error.message} Run: gatehouse update password -e ${target.env}`, EXIT.forbidden);
    }
    throw error;
  };
  return {
    ...target,
    username: credential.username,
    call: (method, path, schema, options = {}) =>
      callServer(target, method, path, schema, { ...options, authorization, onUnauthorized }).catch(explained),
    download: (path, options = {}) => downloadFromServer(target, path, { ...options, authorization, onUnauthorized }).catch(explained),
    upload: (path, options) => uploadToServer(target, path, { ...options, authorization, onUnauthorized }).catch(explained),
  };
}
