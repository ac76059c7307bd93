import { miErrorResponse } from "@/lib/management/errors";

/**
 * Any /management path no handler serves: the MI's JSON error shape, never Next.js's HTML page,
 * so scripts that parse every answer as JSON get a readable 404.
 */
function notFound(request: Request): Response {
  return miErrorResponse(404, `No management resource at ${new URL(request.url).pathname}.`);
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
