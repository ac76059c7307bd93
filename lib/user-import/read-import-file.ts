import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { z } from "zod";
import { AppError } from "../errors.ts";

/**
 * The three file shapes an import reads (docs/import-export.md):
 * - wso2-csv: WSO2's bulk-import file. A first line that is skipped (`UserName,Password,Claims`),
 *   then the username, the password, and `claimURI=value` cells; a cell whose URI contains "role"
 *   lists roles separated by ":" (carbon-identity-framework's CSVUserBulkImport).
 * - csv: a header of column names (`UserName`, `Password`, `Roles`, then claim URIs or display
 *   names), the shape Gatehouse's export writes.
 * - jsonl: one JSON object per line, {"userName", "password"?, "roles"?, "claims"?}.
 */
export type ImportFormat = "csv" | "wso2-csv" | "jsonl";

/** One row as the file states it; `problem` marks a row the file itself got wrong. */
export type FileRow = {
  line: number;
  username: string;
  password: string;
  roles: string[];
  /** Claim URI (or, before resolution, the column's name) to value. */
  claims: Record<string, string>;
  problem?: { column: string; message: string };
};

export const MAX_IMPORT_ROWS = 1_000_000;
const MAX_RECORD_BYTES = 64 * 1024;

/** The largest upload read: a million users with a few claims each fit well inside it. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/** Passes the upload through, refusing it once it grows past `max` bytes (a stream has no trustworthy length). */
export async function* limitBytes(source: AsyncIterable<Uint8Array>, max = MAX_IMPORT_BYTES): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > max)
      throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${max / 1024 / 1024} MB; split it.`, { field: "file" });
    yield chunk;
  }
}

/** Maps a column header or a WSO2 cell's URI to a claim URI, or null when the tenant has no such claim. */
export type ClaimColumns = (header: string) => string | null;

const ROLE_SEPARATOR = ":";
const USERNAME = /^user ?name$/i;
const PASSWORD = /^password$/i;
const ROLES = /^roles?$/i;

function fileError(message: string): AppError {
  return new AppError("INVALID_INPUT", message, { field: "file" });
}

function splitRoles(text: string): string[] {
  return text
    .split(ROLE_SEPARATOR)
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

/** The first record decides the CSV shape: WSO2's fixed header, or named columns. */
function csvShape(header: string[], claims: ClaimColumns): { format: ImportFormat; columns: ((row: FileRow, cell: string) => void)[] } {
  const cells = header.map((h) => h.trim());
  if (!USERNAME.test(cells[0] ?? ""))
    throw fileError(`The first column must be UserName; the file's first line starts with "${cells[0] ?? ""}".`);
  if (cells.length <= 3 && /^claims$/i.test(cells[2] ?? "") && PASSWORD.test(cells[1] ?? "")) {
    return { format: "wso2-csv", columns: [] };
  }
  const seen = new Set<string>();
  const columns = cells.map((name, index): ((row: FileRow, cell: string) => void) => {
    const key = USERNAME.test(name) ? "username" : PASSWORD.test(name) ? "password" : ROLES.test(name) ? "roles" : claims(name);
    if (key === null)
      throw fileError(`Column ${index + 1}, "${name}", is not a claim of this tenant (give its claim URI or display name).`);
    if (seen.has(key)) throw fileError(`Column ${index + 1}, "${name}", repeats an earlier column.`);
    seen.add(key);
    if (key === "username") return (row, cell) => (row.username = cell);
    if (key === "password") return (row, cell) => (row.password = cell);
    if (key === "roles") return (row, cell) => (row.roles = splitRoles(cell));
    return (row, cell) => {
      if (cell !== "") row.claims[key] = cell;
    };
  });
  return { format: "csv", columns };
}

/** A WSO2 data line: name, password, then uri=value cells (split at the first "=", so values may hold one). */
function wso2Row(line: number, cells: string[], claims: ClaimColumns): FileRow {
  const row: FileRow = { line, username: cells[0] ?? "", password: cells[1] ?? "", roles: [], claims: {} };
  for (const cell of cells.slice(2)) {
    if (cell === "") continue;
    const eq = cell.indexOf("=");
    if (eq <= 0) {
      row.problem ??= { column: cell.slice(0, 60), message: `"${cell.slice(0, 60)}" is not a claimURI=value cell.` };
      continue;
    }
    const uri = cell.slice(0, eq).trim();
    const value = cell.slice(eq + 1);
    // WSO2's "Ask Password" marker: no password now, the user is given one later.
    if (uri.endsWith("/identity/askPassword")) {
      if (value.trim().toLowerCase() === "true") row.password = "";
      continue;
    }
    // WSO2 reads any URI containing "role" as the role list.
    if (uri.toLowerCase().includes("role")) {
      row.roles = splitRoles(value);
      continue;
    }
    const claim = claims(uri);
    if (claim === null) row.problem ??= { column: uri, message: `${uri} is not a claim of this tenant.` };
    else row.claims[claim] = value;
  }
  return row;
}

/**
 * The header line and the rest of the upload. The header is parsed on its own: csv-parse builds an
 * error object (with a stack) for every record whose length differs from the first record's, even
 * when told to relax, and a WSO2 file's header never has its rows' length.
 */
async function splitHeader(
  source: AsyncIterable<Uint8Array | string>,
): Promise<{ header: string; rest: AsyncIterable<Uint8Array | string> }> {
  const iterator = source[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  let head = "";
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { header: head, rest: (async function* () {})() };
    head += typeof next.value === "string" ? next.value : decoder.decode(next.value, { stream: true });
    const nl = head.indexOf("\n");
    if (nl >= 0) {
      const tail = head.slice(nl + 1);
      const rest = (async function* () {
        if (tail) yield tail;
        for (let step = await iterator.next(); !step.done; step = await iterator.next()) yield step.value;
      })();
      return { header: head.slice(0, nl), rest };
    }
    if (head.length > MAX_RECORD_BYTES) throw fileError(`The first line is longer than ${MAX_RECORD_BYTES / 1024} KB.`);
  }
}

/** Reads a CSV file row by row, as the upload arrives: memory holds one record at a time. */
export async function* readCsv(source: AsyncIterable<Uint8Array | string>, claims: ClaimColumns): AsyncGenerator<FileRow, ImportFormat> {
  const { header, rest } = await splitHeader(source);
  let headerCells: string[] | undefined;
  try {
    headerCells = (parseSync(header, { bom: true, relax_column_count: true }) as string[][])[0];
  } catch (error) {
    throw fileError(`The first line is not valid CSV: ${(error as Error).message}`);
  }
  if (!headerCells) throw fileError("The file is empty: it needs a header line and at least one user.");
  const shape = csvShape(headerCells, claims);
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES, info: true });
  const feeding = feed(rest, parser);
  let count = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (++count > MAX_IMPORT_ROWS) throw fileError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it.`);
      const line = info.lines + 1;
      if (shape.format === "wso2-csv") {
        yield wso2Row(line, record, claims);
        continue;
      }
      const row: FileRow = { line, username: "", password: "", roles: [], claims: {} };
      if (record.length > shape.columns.length)
        row.problem = { column: "", message: `The row has ${record.length} cells; the header names ${shape.columns.length}.` };
      shape.columns.forEach((set, i) => set(row, record[i] ?? ""));
      yield row;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("CSV_")) throw fileError(`The file is not valid CSV: ${(error as Error).message}`);
    throw error;
  } finally {
    parser.destroy();
    await feeding.catch(() => undefined);
  }
  return shape.format;
}

async function feed(source: AsyncIterable<Uint8Array | string>, parser: ReturnType<typeof parse>): Promise<void> {
  try {
    for await (const chunk of source) {
      if (!parser.write(chunk)) await new Promise((resolve) => parser.once("drain", resolve));
    }
    parser.end();
  } catch (error) {
    parser.destroy(error as Error);
  }
}

const ZJsonRow = z.object({
  userName: z.string().max(1024),
  password: z.string().max(4096).optional(),
  roles: z.array(z.string().max(1024)).max(1000).optional(),
  claims: z.record(z.string().max(1024), z.string().max(4096)).optional(),
});

/** Reads JSON lines; a line that is not a user object is an invalid row, not the end of the file. */
export async function* readJsonLines(
  source: AsyncIterable<Uint8Array | string>,
  claims: ClaimColumns,
): AsyncGenerator<FileRow, ImportFormat> {
  let line = 0;
  let count = 0;
  for await (let text of lines(source)) {
    line++;
    if (line === 1) text = text.replace(/^\uFEFF/, "");
    if (text.trim() === "") continue;
    if (++count > MAX_IMPORT_ROWS) throw fileError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it.`);
    const row: FileRow = { line, username: "", password: "", roles: [], claims: {} };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      yield { ...row, problem: { column: "", message: "The line is not valid JSON." } };
      continue;
    }
    const parsed = ZJsonRow.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      yield { ...row, problem: { column: issue.path.join("."), message: issue.message } };
      continue;
    }
    row.username = parsed.data.userName;
    row.password = parsed.data.password ?? "";
    row.roles = parsed.data.roles ?? [];
    for (const [name, value] of Object.entries(parsed.data.claims ?? {})) {
      const claim = claims(name);
      if (claim === null) row.problem ??= { column: name, message: `${name} is not a claim of this tenant.` };
      else row.claims[claim] = value;
    }
    yield row;
  }
  if (count === 0) throw fileError("The file is empty: it needs at least one user.");
  return "jsonl";
}

/** Splits a byte stream into lines, holding at most one line (up to the record limit) in memory. */
async function* lines(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      throw fileError("The file is not UTF-8 text.");
    }
    pending += text;
    let nl: number;
    while ((nl = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, nl).replace(/\r$/, "");
      pending = pending.slice(nl + 1);
    }
    if (pending.length > MAX_RECORD_BYTES) throw fileError(`A line is longer than ${MAX_RECORD_BYTES / 1024} KB.`);
  }
  if (pending !== "") yield pending.replace(/\r$/, "");
}
