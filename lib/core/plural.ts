// The one place counts become words ("1 member", "2 members"): English plural rules through
// Intl.PluralRules, so "1 members" cannot be written by hand again. Client-safe.
const rules = new Intl.PluralRules("en");
const numbers = new Intl.NumberFormat("en");

/** `n` formatted ("1,234") with the noun in the form the count takes; `plural` defaults to noun + "s". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${numbers.format(n)} ${rules.select(n) === "one" ? noun : plural}`;
}
