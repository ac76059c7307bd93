import { z } from "zod";

/** Form fields repeat a name for lists; one value arrives as a string and none as nothing. */
export function formList<T extends z.ZodType>(item: T, max: number) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
}
