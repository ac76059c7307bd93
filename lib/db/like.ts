/**
 * Text to match literally inside a LIKE pattern written with `ESCAPE '\'`: LIKE's wildcards
 * `%` and `_`, and the escape character itself, lose their meaning. Prisma's `contains` and
 * `startsWith` do not escape (prisma/orm#19506), so user text goes through raw SQL and this.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
