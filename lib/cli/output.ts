import Table from "cli-table3";

export type Format = "table" | "json";

// A name is data, not terminal input: control characters and bidi overrides in a hostile
// user or role name are shown escaped, so they can neither drive the terminal nor reorder text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** apictl's borderless table: an upper-case header row, then one row per item. */
export function printTable(head: string[], rows: string[][]): void {
  const table = new Table({
    head,
    chars: { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  " },
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  });
  table.push(...rows.map((row) => row.map(safe)));
  process.stdout.write(`${table.toString().split("\n").map((line) => line.trimEnd()).join("\n")}\n`);
}

/** One record as "Label   value" lines. */
export function printFields(fields: [string, string][]): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) process.stdout.write(`${label.padEnd(width)}  ${safe(value)}\n`);
}

/** A status line for people; scripts read the JSON form instead. */
export function say(message: string): void {
  process.stdout.write(`${safeLines(message)}\n`);
}

const safeLines = (text: string) => text.split("\n").map(safe).join("\n");

/** Notices go to stderr, so they never mix with data on stdout. */
export function warn(message: string): void {
  process.stderr.write(`${safeLines(message)}\n`);
}
