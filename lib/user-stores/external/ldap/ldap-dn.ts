import { escapeDnValue } from "./ldap-escape.ts";

/**
 * One spelling for a DN, so the same entry compares equal however the server wrote it: slapd
 * returns an entry's own DN with hex escapes (`uid=a\2Cb`) but a member value as it was stored
 * (`uid=a\,b`), and Active Directory upper-cases attribute types. Types are lower-cased, values
 * unescaped and escaped again the one way escapeDnValue does; the values' case is kept.
 */
export function normalizeDn(dn: string): string {
  return splitUnescaped(dn, ",")
    .map((rdn) =>
      splitUnescaped(rdn, "+")
        .map((pair) => {
          const eq = pair.indexOf("=");
          if (eq < 0) return pair.trim();
          return `${pair.slice(0, eq).trim().toLowerCase()}=${escapeDnValue(unescapeValue(pair.slice(eq + 1)))}`;
        })
        .join("+"),
    )
    .join(",");
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\" && i + 1 < text.length) {
      current += char + text[i + 1];
      i++;
    } else if (char === separator) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** RFC 4514 §3: `\` before a special character, or two hex digits naming one UTF-8 byte. */
function unescapeValue(value: string): string {
  const bytes: number[] = [];
  // Unescaped trailing spaces are not part of the value (RFC 4514 requires them escaped).
  const text = value.replace(/(?<!\\) +$/, "");
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\" && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (char === "\\" && i + 1 < text.length) {
      bytes.push(...Buffer.from(text[i + 1]!, "utf8"));
      i++;
    } else bytes.push(...Buffer.from(char, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The DN without its first RDN (`cn=a\,b,ou=groups,dc=x` -> `ou=groups,dc=x`); escaped commas are not separators. */
export function parentDn(dn: string): string {
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === "\\") i++;
    else if (dn[i] === ",") return dn.slice(i + 1);
  }
  return "";
}
