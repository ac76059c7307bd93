import { z } from "zod";

/**
 * Ids are 32-bit integer columns on both databases. A larger number names no row, and
 * PostgreSQL refuses the query outright, so ids from outside are checked against this first.
 */
export const MAX_ROW_ID = 2_147_483_647;

export function isRowId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_ROW_ID;
}

/** An id or a version posted in a form: a positive 32-bit integer. */
export const ZFormId = z.coerce.number().int().positive().max(MAX_ROW_ID);
