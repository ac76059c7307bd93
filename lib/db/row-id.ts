import { z } from "zod";
import { MAX_ROW_ID } from "../core/contract.ts";

export { MAX_ROW_ID };

export function isRowId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_ROW_ID;
}

/** An id or a version posted in a form: a positive 32-bit integer. */
export const ZFormId = z.coerce.number().int().positive().max(MAX_ROW_ID);
