/**
 * The CLI's exit codes, stable for scripts. `check` borrows 1 for "denied" the way `grep`
 * uses 1 for "no match", so `if gatehouse check alice /permission/...; then` reads naturally.
 */
export const EXIT = {
  ok: 0,
  denied: 1,
  usage: 2,
  notAuthenticated: 3,
  forbidden: 4,
  notFound: 5,
  rejected: 6,
  failure: 7,
  throttled: 8,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE_HELP = `Exit codes:
  0    success (check: allowed)
  1    check: not allowed (an existing user lacks an existing permission or scope)
  2    usage error: unknown command or option, missing argument, answer not confirmed
  3    not authenticated: not logged in, wrong password, token expired or revoked
  4    forbidden: the signed-in user lacks the permission, or a rule refuses the change
  5    not found: no such user, role, tenant or environment (check: no such user, permission or scope)
  6    rejected: invalid input or a conflict (the server's message says which)
  7    failure: the server is unreachable or answered unexpectedly
  8    throttled: too many failed sign-ins from this address or overall; the message says when to retry`;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** How an HTTP status from Gatehouse maps to an exit code. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401) return EXIT.notAuthenticated;
  if (status === 403) return EXIT.forbidden;
  if (status === 404) return EXIT.notFound;
  if (status === 429) return EXIT.throttled;
  if (status >= 400 && status < 500) return EXIT.rejected;
  return EXIT.failure;
}
