// A name is data, not terminal input: control characters (C0, DEL, C1 such as the 8-bit CSI),
// bidi marks and overrides, and line separators in a hostile user or role name are shown
// escaped, so they can neither drive the terminal, reorder text nor fake an output line.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function safe(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

// JSON.stringify escapes C0 controls inside strings but leaves C1, bidi and line separators
// raw; the newlines between lines are layout and must stay.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON as JSON.stringify writes it, with the characters it leaves raw escaped too: still the same JSON value. */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, escapeChar);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${toSafeJson(value)}\n`);
}

/** One record as "Label   value" lines. */
export function printFields(fields: [string, string][]): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) process.stdout.write(`${label.padEnd(width)}  ${safe(value)}\n`);
}

/** A status line for people; scripts read the JSON form instead. */
export function say(message: string): void {
  process.stdout.write(`${safe(message)}\n`);
}

/** Notices go to stderr, so they never mix with data on stdout. */
export function warn(message: string): void {
  process.stderr.write(`${safe(message)}\n`);
}
