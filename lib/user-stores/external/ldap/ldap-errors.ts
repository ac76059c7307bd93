import {
  AlreadyExistsError,
  ConstraintViolationError,
  InsufficientAccessError,
  InvalidDNSyntaxError,
  InvalidSyntaxError,
  NamingViolationError,
  NoSuchAttributeError,
  NoSuchObjectError,
  NotAllowedOnNonLeafError,
  ObjectClassViolationError,
  ResultCodeError,
  SizeLimitExceededError,
  TypeOrValueExistsError,
  UndefinedTypeError,
} from "ldapts";
import { AppError } from "../../../errors.ts";

/**
 * An ldapts failure as an AppError: what the data caused is the admin's to fix (CONFLICT,
 * INVALID_INPUT, NOT_FOUND); the rest means the directory cannot serve us (STORE_UNAVAILABLE).
 */
export function ldapError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const detail = describe(error);
  if (error instanceof AlreadyExistsError || error instanceof TypeOrValueExistsError || error instanceof NotAllowedOnNonLeafError)
    return new AppError("CONFLICT", `The LDAP directory refused the change: ${detail}.`);
  if (error instanceof NoSuchObjectError || error instanceof NoSuchAttributeError)
    return new AppError("NOT_FOUND", `The LDAP directory has no such entry or value: ${detail}.`);
  if (
    error instanceof ObjectClassViolationError ||
    error instanceof ConstraintViolationError ||
    error instanceof InvalidDNSyntaxError ||
    error instanceof InvalidSyntaxError ||
    error instanceof NamingViolationError ||
    error instanceof UndefinedTypeError
  )
    return new AppError("INVALID_INPUT", `The LDAP directory refused the data: ${detail}.`);
  if (error instanceof InsufficientAccessError)
    return new AppError("STORE_UNAVAILABLE", `The LDAP service account may not do this: ${detail}.`);
  if (error instanceof SizeLimitExceededError)
    return new AppError(
      "STORE_UNAVAILABLE",
      "The LDAP directory stopped a search at its size limit: raise the service account's limits (slapd: " +
        "size.prtotal=unlimited) or lower the page size.",
    );
  if (error instanceof ResultCodeError) return new AppError("STORE_UNAVAILABLE", `The LDAP directory failed: ${detail}.`);
  return new AppError("STORE_UNAVAILABLE", `The LDAP directory did not answer: ${detail}.`);
}

export function isTimeout(error: unknown): boolean {
  return error instanceof Error && /timed out|timeout/i.test(error.message);
}

export function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  // ldapts's message is the server's diagnostic text, often empty: the error's class names the result.
  if (error instanceof ResultCodeError) {
    const text = error.message.replace(/\s*Code: 0x[0-9a-f]+\s*/i, "").trim();
    return `${text || error.constructor.name.replace(/Error$/, "")} (LDAP result ${error.code})`;
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isTimeout(error)) return "no answer within the timeout";
    return code ? `${code} ${error.message}` : error.message.split("\n")[0]!;
  }
  return String(error);
}
