/**
 * The form bodies of /oauth2/token, /revoke and /introspect, read once at the edge: size-capped,
 * each parameter at most once (RFC 6749 §3.2), no NUL or lone surrogates. Anything else is the
 * RFC's invalid_request, never a 5xx.
 */
import { findMalformedText } from "../http/well-formed.ts";

const MAX_FORM_BYTES = 16 * 1024;

export type Form = { fields: Record<string, string>; bytes: number };
export type FormResult = { ok: true; form: Form } | { ok: false; response: Response };

export function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error, error_description: description },
    { status, headers: { "cache-control": "no-store", pragma: "no-cache", ...headers } },
  );
}

export async function readForm(request: Request): Promise<FormResult> {
  const refuse = (description: string) => ({ ok: false as const, response: oauthError(400, "invalid_request", description) });
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return refuse("Send the parameters as application/x-www-form-urlencoded.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES)
    return refuse(`The body is larger than ${MAX_FORM_BYTES} bytes.`);
  const text = await request.text();
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_FORM_BYTES) return refuse(`The body is larger than ${MAX_FORM_BYTES} bytes.`);
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, key)) return refuse(`The parameter ${key} is given more than once.`);
    fields[key] = value;
  }
  if (findMalformedText(fields) !== null) return refuse("The parameters contain malformed text.");
  return { ok: true, form: { fields, bytes } };
}
