/** Error codes shared by the console, the REST API and the CLI, with the HTTP status each maps to. */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  // An If-Match precondition that no longer holds (the APIM admin API's optimistic locking).
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  // The sign-in rate limit refused HTTP Basic credentials before checking them (Retry-After says when to retry).
  RATE_LIMITED: 429,
  // An external user store (LDAP, WSO2 JDBC) did not answer, or not in time: not the caller's fault.
  STORE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
