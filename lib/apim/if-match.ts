/**
 * Optional optimistic locking for the APIM PUTs, beyond WSO2's last-write-wins contract: the
 * GETs send the mapping version as an ETag; a PUT carrying it in If-Match fails with 412 when
 * someone saved in between. Without If-Match a PUT applies whole, as in WSO2.
 */
import { AppError } from "../errors.ts";

export function versionETag(version: number): string {
  return `"v${version}"`;
}

/** The version an If-Match header asks for; undefined without one (or with `*`). */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match")?.trim();
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"v([1-9]\d{0,14})"$/.exec(header);
  if (!match) throw new AppError("PRECONDITION_FAILED", `If-Match must be an ETag returned by a GET, such as ${versionETag(1)}.`);
  return Number(match[1]);
}

/** Runs a write whose STALE_VERSION, when an If-Match was given, is HTTP's 412. */
export async function withPrecondition<T>(version: number | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (version !== undefined && error instanceof AppError && error.code === "STALE_VERSION") {
      throw new AppError(
        "PRECONDITION_FAILED",
        "The scope mappings changed after the If-Match version was read. GET them again, then retry.",
      );
    }
    throw error;
  }
}
