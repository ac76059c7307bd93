import Table from "cli-table3";
import { safe } from "./output.ts";

// Apart from output.ts so that only the commands printing a table load cli-table3.

/** apictl's borderless table: an upper-case header row, then one row per item. */
export function renderTable(head: string[], rows: string[][]): string {
  const table = new Table({
    head: head.map(safe),
    chars: {
      top: "",
      "top-mid": "",
      "top-left": "",
      "top-right": "",
      bottom: "",
      "bottom-mid": "",
      "bottom-left": "",
      "bottom-right": "",
      left: "",
      "left-mid": "",
      mid: "",
      "mid-mid": "",
      right: "",
      "right-mid": "",
      middle: "  ",
    },
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
  });
  table.push(...rows.map((row) => row.map(safe)));
  return `${table
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")}\n`;
}

export function printTable(head: string[], rows: string[][]): void {
  process.stdout.write(renderTable(head, rows));
}
