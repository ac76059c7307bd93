/**
 * Names in APIM paths are base64url-encoded ("apim:api_view" -> "YXBpbTphcGlfdmlldw").
 * WSO2 decodes with the standard alphabet, so both alphabets and optional padding are
 * accepted. Anything that does not decode to clean UTF-8 is null (the caller answers 404).
 */
const BASE64 = /^[A-Za-z0-9\-_+/]+={0,2}$/;

export function decodePathName(raw: string): string | null {
  if (!BASE64.test(raw) || raw.length > 1024) return null;
  const decoded = Buffer.from(raw, "base64url").toString("utf8");
  if (decoded === "" || decoded.includes("\uFFFD")) return null;
  return decoded;
}
