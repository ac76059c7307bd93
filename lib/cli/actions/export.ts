import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { CliError, EXIT } from "../exit-codes.ts";
import type { EnvOption } from "../options.ts";
import { warn } from "../output.ts";
import { authenticated } from "../session.ts";

export type ExportUsersOptions = EnvOption & {
  format: "csv" | "json";
  search?: string;
  domain?: string;
  claim?: string;
  value?: string;
  output?: string;
};

/**
 * `gatehouse export users`: GET /management/export/users, written as it arrives (to a file or
 * standard output), so a million users never sit in memory. A file left by a failed download
 * is removed, so a partial export is never mistaken for a whole one.
 */
export async function exportUsers(options: ExportUsersOptions): Promise<void> {
  if (options.value !== undefined && !options.claim) throw new CliError("--value needs --claim <uri>.", EXIT.usage);
  const api = authenticated(options.env);
  const body = await api.download("/management/export/users", {
    query: { format: options.format, search: options.search, domain: options.domain, claim: options.claim, value: options.value },
  });
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  const target: Writable = options.output ? createWriteStream(options.output, { mode: 0o600 }) : process.stdout;
  try {
    await pipeline(source, target, { end: Boolean(options.output) });
  } catch (error) {
    if (options.output) await rm(options.output, { force: true });
    const kept = options.output ? "no file was kept" : "the output above is incomplete";
    throw new CliError(`The export stopped before its end (${(error as Error).message}); ${kept}.`, EXIT.failure);
  }
  if (options.output) warn(`Exported users to ${options.output}.`);
}
