/** Server-side date formatting: one unambiguous form, identical on server and client. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
