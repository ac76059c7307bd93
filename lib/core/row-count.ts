/**
 * How many rows a list holds, as a pager says it: exactly when few, else an estimate from the
 * database's statistics (lib/db/estimate-count.ts). `over` means "more than `count`" where the
 * database keeps no statistics that fit the filter.
 */
export type RowCount = { count: number; kind: "exact" | "about" | "over" };

/** "1,234", "about 1,000,000" (two significant digits) or "more than 1,000". */
export function describeCount(total: RowCount): string {
  const format = (n: number) => n.toLocaleString("en");
  if (total.kind === "exact") return format(total.count);
  if (total.kind === "over") return `more than ${format(total.count)}`;
  return `about ${format(Number(total.count.toPrecision(2)))}`;
}
