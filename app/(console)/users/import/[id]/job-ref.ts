import { isRowId } from "@/lib/db/row-id";
import { AppError } from "@/lib/errors";

/** The job id in the path; anything else answers as a missing job does. */
export function jobRef(id: string | undefined): { id: number } {
  const n = Number(id);
  if (!isRowId(n)) throw new AppError("NOT_FOUND", "No such import.");
  return { id: n };
}
