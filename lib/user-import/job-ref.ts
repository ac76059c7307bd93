import { isRowId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";

/** The job id in a path; anything else answers as a missing job does. */
export function jobRef(id: string | undefined): { id: number } {
  const n = Number(id);
  if (!isRowId(n)) throw new AppError("NOT_FOUND", "No such import.");
  return { id: n };
}
