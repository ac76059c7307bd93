import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import { ZImportJobAnswer, ZImportRowsAnswer, type TImportJobAnswer } from "../../contracts/user-import.ts";
import { CliError, EXIT } from "../exit-codes.ts";
import type { EnvOption, FormatOption } from "../options.ts";
import { printJson, say, warn } from "../output.ts";
import { authenticated, type Authed } from "../session.ts";

export type ImportOptions = EnvOption & FormatOption & { dryRun?: boolean; domain: string; onExisting: "skip" | "update" };

const POLL_MS = 1_000;
const SHOWN_INVALID = 20;

/** The NDJSON answer of the upload (lib/http/ndjson.ts): progress on stderr, then the summary or the error. */
async function readPreview(body: ReadableStream<Uint8Array>): Promise<{ id: number }> {
  let buffer = "";
  const decoder = new TextDecoder();
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { type: string; done?: number; id?: number; message?: string };
      if (event.type === "progress" && process.stderr.isTTY) process.stderr.write(`\rChecked ${event.done} rows…`);
      if (event.type === "error") throw new CliError(event.message ?? "The server stopped the import.", EXIT.rejected);
      if (event.type === "summary") return { id: Number(event.id) };
    }
  }
  throw new CliError("The connection broke before the server finished checking the file.", EXIT.failure);
}

async function printInvalid(api: Authed, job: TImportJobAnswer): Promise<void> {
  if (job.invalid === 0) return;
  const { rows } = await api.call("GET", `/api/v1/users/import/${job.id}/rows`, ZImportRowsAnswer, {
    query: { show: "invalid", size: 25 },
  });
  for (const r of rows.slice(0, SHOWN_INVALID)) warn(`line ${r.line}${r.column ? `, ${r.column}` : ""}: ${r.message}`);
  if (job.invalid > SHOWN_INVALID) warn(`… and ${job.invalid - SHOWN_INVALID} more invalid rows: see the report.`);
}

const planned = (j: TImportJobAnswer) => `${j.toCreate} to create, ${j.toUpdate} to update, ${j.toSkip} to skip, ${j.invalid} invalid`;
const counts = (j: TImportJobAnswer) =>
  `${j.created} created, ${j.updated} updated, ${j.skipped} skipped, ${j.failed} failed, ${j.invalid} invalid`;

/**
 * gatehouse import users FILE: uploads the file (streamed), prints the preview and its invalid
 * rows, then (without --dry-run) starts the import and follows it to the end.
 */
export async function importUsers(file: string, options: ImportOptions): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No file ${file}.`, EXIT.notFound);
  const api = authenticated(options.env);
  const kind = /\.(jsonl|ndjson|json)$/i.test(file) ? "jsonl" : "csv";
  const answer = await api.upload("/api/v1/users/import", {
    query: { domain: options.domain, onExisting: options.onExisting, fileName: path.basename(file), kind },
    upload: { body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>, contentType: "application/octet-stream" },
  });
  const { id } = await readPreview(answer);
  if (process.stderr.isTTY) process.stderr.write("\n");
  let job = await api.call("GET", `/api/v1/users/import/${id}`, ZImportJobAnswer);
  if (options.format !== "json") say(`Import #${id} of ${job.fileName}: ${job.total} rows; ${planned(job)}.`);
  await printInvalid(api, job);
  if (options.dryRun) {
    if (options.format === "json") printJson(job);
    else say(`Dry run: nothing was written. The preview stays for 24 hours in the console at /users/import/${id}.`);
    process.exitCode = job.invalid > 0 ? EXIT.rejected : EXIT.ok;
    return;
  }
  if (job.toApply === 0) throw new CliError("No row can be imported; nothing was written.", EXIT.rejected);
  await api.call("POST", `/api/v1/users/import/${id}/start`, ZImportJobAnswer.pick({ id: true }), { body: { version: job.version } });
  while (["queued", "running", "cancelling", "preview"].includes(job.state)) {
    await delay(POLL_MS);
    job = await api.call("GET", `/api/v1/users/import/${id}`, ZImportJobAnswer);
    if (process.stderr.isTTY) process.stderr.write(`\rImported ${job.processed} of ${job.toApply} rows…`);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  if (options.format === "json") printJson(job);
  else say(`Import #${id} ${job.state === "done" ? "finished" : job.state}: ${counts(job)}.`);
  if (job.state === "failed") throw new CliError(job.lastError ?? "The import stopped.", EXIT.failure);
  process.exitCode = job.failed + job.invalid > 0 ? EXIT.rejected : EXIT.ok;
}
