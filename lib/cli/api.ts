import { z } from "zod";
import { describeIssues } from "../core/zod-issues.ts";
import { CliError, EXIT, exitCodeForStatus } from "./exit-codes.ts";

export type Target = { env: string; url: string };
type Query = Record<string, string | number | undefined>;
type CallOptions = {
  query?: Query;
  body?: unknown;
  authorization?: string;
  onUnauthorized?: (serverMessage: string) => string;
  upload?: { body: BodyInit; contentType: string };
};

const USER_AGENT = "gatehouse-cli";
// Long enough for a bulk change on a big store, short enough that a stalled server is noticed.
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * The message in any Gatehouse error body: the MI's {"Error"}, WSO2 IS's {code, message,
 * description} (/api/server/v1, where `message` is only the status's name), or {message} / {error}.
 */
function serverMessage(body: unknown): string | undefined {
  if (body && typeof body === "object") {
    for (const key of ["Error", "description", "message", "error"]) {
      const value = (body as Record<string, unknown>)[key];
      if (typeof value === "string" && value) return value;
    }
  }
  return undefined;
}

function errorMessage(body: unknown, response: Response): string {
  const message = serverMessage(body);
  if (response.status !== 429) return message ?? `The server answered HTTP ${response.status}.`;
  // Gatehouse's message says how long to wait; another server's Retry-After is spelt out.
  const wait = response.headers.get("retry-after");
  return message ?? `The server refuses more attempts for now (HTTP 429)${wait ? `; try again in ${wait} s` : ""}.`;
}

/**
 * Sends one request; an unreachable server becomes a CliError. The timeout bounds the whole
 * exchange, or for a download (`streamed`) only the wait for the answer's headers: its body
 * may take longer to stream.
 */
async function send(target: Target, method: string, path: string, options: CallOptions, streamed: boolean): Promise<Response> {
  const url = new URL(`${target.url}${path}`);
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { accept: streamed ? "*/*" : "application/json", "user-agent": USER_AGENT };
  if (options.authorization) headers.authorization = options.authorization;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.upload) headers["content-type"] = options.upload.contentType;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DOMException("The server did not answer in time.", "TimeoutError")), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, {
      method,
      headers,
      body: options.upload ? options.upload.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      redirect: "manual",
      signal: abort.signal,
      // A streamed upload (a file) needs half-duplex mode in Node's fetch.
      ...(options.upload ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch (error) {
    if ((error as Error).name === "TimeoutError")
      throw new CliError(`${target.url} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`, EXIT.failure);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(
      `Cannot reach ${target.url} (${cause?.code ?? cause?.message ?? (error as Error).message}). Is the server running, and ` +
        `is the URL of environment "${target.env}" right? See: gatehouse get envs`,
      EXIT.failure,
    );
  } finally {
    if (streamed) clearTimeout(timer);
    else timer.unref();
  }
}

/** The answer's JSON (undefined when empty); anything else is not a Gatehouse server. */
async function jsonBody(target: Target, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    throw new CliError(
      `${target.url} did not answer like a Gatehouse server (HTTP ${response.status}, not JSON). Check the environment's URL.`,
      EXIT.failure,
    );
  }
}

/** A refused request's error, with the exit code its status means. */
function refusal(body: unknown, response: Response, options: CallOptions): CliError {
  const message = errorMessage(body, response);
  if (response.status === 401 && options.onUnauthorized) return new CliError(options.onUnauthorized(message), EXIT.notAuthenticated);
  return new CliError(message, exitCodeForStatus(response.status));
}

/** One HTTP exchange with a Gatehouse server; every failure becomes a CliError with its exit code. */
export async function callServer<T>(
  target: Target,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  options: CallOptions = {},
): Promise<T> {
  const response = await send(target, method, path, options, false);
  const body = await jsonBody(target, response);
  if (!response.ok) throw refusal(body, response, options);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new CliError(`Unexpected answer from ${method} ${path}: ${describeIssues(parsed.error)}`, EXIT.failure);
  return parsed.data;
}

/** A GET whose answer is a file (an export): its body as the server streams it; a refusal is a CliError as in callServer. */
export async function downloadFromServer(target: Target, path: string, options: CallOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const response = await send(target, "GET", path, options, true);
  if (response.ok && response.body) return response.body;
  throw refusal(await jsonBody(target, response), response, options);
}

/** A POST whose body is a file (an import), streamed up; the answer's body streams back (NDJSON progress). */
export async function uploadToServer(target: Target, path: string, options: CallOptions): Promise<ReadableStream<Uint8Array>> {
  const response = await send(target, "POST", path, options, true);
  if (response.ok && response.body) return response.body;
  throw refusal(await jsonBody(target, response), response, options);
}

export type TPage = { truncated: boolean; next: string | null };

/**
 * Follows the server's cursors until `limit` items are collected. `truncated` says whether
 * more exist, so a caller can say so instead of passing a page off as the whole.
 */
export async function collectPages<P extends TPage, T>(
  fetchPage: (cursor: string | undefined, pageSize: number) => Promise<P>,
  itemsOf: (page: P) => T[],
  { limit, pageSize }: { limit: number; pageSize: number },
): Promise<{ first: P; items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let first: P | undefined;
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor, Math.min(pageSize, limit - items.length));
    first ??= page;
    items.push(...itemsOf(page));
    if (!page.truncated || !page.next) return { first, items, truncated: false };
    if (items.length >= limit) return { first, items: items.slice(0, limit), truncated: true };
    cursor = page.next;
  }
}
