/**
 * WSO2 Identity Server's Error body for its /api/server/v1 APIs: {code, message, description}.
 * `code` is Gatehouse's error code (IS uses its own, such as TM-60014), `message` the status's
 * name, `description` what went wrong.
 */
import type { ErrorFormatter } from "./route.ts";

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid Input",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
};

export const identityServerError: ErrorFormatter = (e) => ({
  code: e.code,
  message: STATUS_TEXT[e.status] ?? "Error",
  description: e.message,
});
