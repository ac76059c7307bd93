/**
 * Escaping for the two places an admin's or a user's text meets LDAP syntax. Every filter and
 * DN the LDAP directory builds goes through these, so a name such as `*)(uid=*` is matched
 * literally and never widens a search (LDAP injection).
 */

/** RFC 4515 §3: a value inside a filter; `*`, `(`, `)`, `\` and NUL become \XX hex escapes. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (char) => `\\${char.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * RFC 4514 §2.4: a value inside a DN. The specials `"+,;<>\` (and `=`, which servers accept
 * escaped) get a backslash, a leading space or `#` and a trailing space are escaped, and NUL is \00.
 */
export function escapeDnValue(value: string): string {
  const chars = Array.from(value);
  return chars
    .map((char, i) => {
      if (char === "\0") return "\\00";
      if ('"+,;<>\\='.includes(char)) return `\\${char}`;
      if (char === " " && (i === 0 || i === chars.length - 1)) return "\\ ";
      if (char === "#" && i === 0) return "\\#";
      return char;
    })
    .join("");
}

/** An equality filter for one attribute, the value escaped. The attribute name is checked by the settings schema. */
export function equalityFilter(attribute: string, value: string): string {
  return `(${attribute}=${escapeFilterValue(value)})`;
}
