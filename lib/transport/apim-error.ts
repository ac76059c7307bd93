/**
 * APIM's error body, {code, message, description}: `code` is the HTTP status as a number (as
 * APIM's ErrorDTO carries it), `message` the status text, `description` what went wrong.
 */
import type { ErrorFormatter } from "./route.ts";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Payload Too Large",
};

export type ApimError = { code: number; message: string; description: string };

export const apimError: ErrorFormatter = (e): ApimError => ({
  code: e.status,
  message: STATUS_TEXT[e.status] ?? "Error",
  description: e.message,
});
