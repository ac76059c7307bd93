import { isWellFormedText, LONE_SURROGATE } from "../core/well-formed.ts";

/*
 * PostgreSQL cannot store NUL in text, and a lone UTF-16 surrogate cannot be encoded as UTF-8
 * at all: either one makes the database fail deep inside a write. They are refused once, here,
 * for every string that arrives (bodies, forms, queries, path segments, header-derived values).
 */
export { isWellFormedText };

export const MALFORMED_TEXT = "Contains a control character (NUL) or broken Unicode.";

/**
 * The path of the first string (object key or value) that is not well formed, or null. The
 * path is for the message ("roles[2]: Contains …"), so a script author can find the fault.
 */
export function findMalformedText(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isWellFormedText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findMalformedText(item, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isWellFormedText(key)) return at;
      const found = findMalformedText(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}

/** "name: Contains …", or the bare message for a top-level value. */
export function malformedTextMessage(path: string): string {
  // The path may itself hold the offending key; echo it back printable.
  const shown = path.replace(/\u0000/g, "\uFFFD").replace(new RegExp(LONE_SURROGATE, "g"), "\uFFFD");
  return shown ? `${shown}: ${MALFORMED_TEXT}` : MALFORMED_TEXT;
}
