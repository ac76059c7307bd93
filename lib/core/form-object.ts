/**
 * A form's fields as the object its zod schema parses: a repeated name becomes a list, and
 * React's own `$ACTION_*` fields are left out. The same on the server (defineAction) and in the
 * browser (ActionForm's check before posting), so both see the same input.
 */
export function formObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}
