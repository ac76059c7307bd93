import { isWellFormedText, MALFORMED_TEXT } from "../http/well-formed.ts";

export type BasicCredentials = { username: string; password: string };

/**
 * The username and password of an `Authorization: Basic` header, null when it is absent or
 * malformed, or the reason it is refused when it decodes to text no user can have.
 */
export function parseBasicAuth(header: string | null): BasicCredentials | { refused: string } | null {
  if (!header?.toLowerCase().startsWith("basic ")) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  if (!isWellFormedText(decoded)) return { refused: `Authorization: ${MALFORMED_TEXT}` };
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
