import fs from "node:fs";

/** Seed 001's markdown table of default scope -> role mappings: scope name -> role names, in the table's column order. */
export function seed001ScopeRoles(): Map<string, string[]> {
  const lines = fs
    .readFileSync("testing/fixtures/seed-001-scope-roles.md", "utf8")
    .split("\n")
    .filter((l) => l.startsWith("|"));
  const header = lines[0]!
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
  const roles = header.slice(1);
  const table = new Map<string, string[]>();
  for (const line of lines.slice(2)) {
    const cells = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());
    table.set(
      cells[0]!,
      roles.filter((_, i) => cells[i + 1] === "&check;"),
    );
  }
  return table;
}
