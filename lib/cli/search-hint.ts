/** What a list printed nothing for: the filters the server applied, so an empty answer is never a silent one. */
export type ListFilters = { pattern?: string; role?: string; domain?: string };

/**
 * "No users match …" naming every filter applied, and a hint on how `-p` matches: without `*`
 * anywhere in the name, ignoring case; with `*`, a WSO2 pattern that must match the whole name
 * (the usual surprise: `smith*` does not find `blacksmith`).
 */
export function noMatchMessage(noun: "users" | "roles", filters: ListFilters): { message: string; hint: string } {
  const applied = [
    filters.pattern ? `${filters.pattern.includes("*") ? "names matching" : "names containing"} "${filters.pattern}"` : "",
    filters.role ? `members of ${filters.role}` : "",
    filters.domain ? `in ${filters.domain}` : "",
  ].filter(Boolean);
  const message = applied.length ? `No ${noun} match: ${applied.join(", ")}.` : `No ${noun} match.`;
  const hint = !filters.pattern
    ? `Hint: without -p every ${noun === "users" ? "user" : "role"} the other filters allow is listed.`
    : filters.pattern.includes("*")
      ? `Hint: a pattern with * must match the whole name ('${filters.pattern.replaceAll("*", "")}*' starts with it, ` +
        `'*${filters.pattern.replaceAll("*", "")}*' contains it); without *, -p matches anywhere in the name.`
      : "Hint: -p matches names that contain the text anywhere, ignoring case, exact names first; * makes it a WSO2 pattern (e.g. 'adm*').";
  return { message, hint };
}
