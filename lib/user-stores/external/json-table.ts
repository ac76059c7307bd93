import type { Tx } from "../../db/client.ts";
import { providerOf } from "../../db/provider.ts";
import { raw, sql, type Sql } from "../../db/sql.ts";

export type JsonColumns = Record<string, "text" | "integer">;

/**
 * The rows of a JSON array of objects as a table `j(...)`, in each database's dialect: a page
 * of any size is one bound parameter, so set-based statements stay far from SQLite's and
 * PostgreSQL's parameter limits (a 5,000-member group is one statement, not 5,000).
 */
export function jsonTable(tx: Tx, rows: readonly object[], columns: JsonColumns): Sql {
  const json = JSON.stringify(rows);
  const names = Object.keys(columns);
  if (providerOf(tx) === "postgres") {
    const defs = names.map((n) => `"${n}" ${columns[n]}`).join(", ");
    return sql`json_to_recordset(CAST(${json} AS json)) AS j(${raw(defs)})`;
  }
  const picks = names
    .map((n) =>
      columns[n] === "integer" ? `CAST(json_extract(value, '$.${n}') AS INTEGER) AS "${n}"` : `json_extract(value, '$.${n}') AS "${n}"`,
    )
    .join(", ");
  return sql`(SELECT ${raw(picks)} FROM json_each(${json})) AS j`;
}
