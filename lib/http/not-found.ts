import "server-only";
import { notFound } from "next/navigation";
import { isRowId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";

/** For pages: a NOT_FOUND from the data layer (including another tenant's id) renders the 404 page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** Route ids arrive as strings; anything but a positive 32-bit integer is simply not found. */
export function parseId(raw: string): number {
  const id = Number(raw);
  if (!isRowId(id)) notFound();
  return id;
}
