import { ZPasswordPolicy } from "../contracts/management.ts";
import { CliError, EXIT } from "./exit-codes.ts";
import type { Authed } from "./session.ts";

type Policy = { minLength: number; maxLength: number };

/** The server's message for a password outside the policy (lib/users/password-policy.ts counts code points too), or null. */
export function passwordProblem(password: string, policy: Policy): string | null {
  const length = [...password].length;
  if (length < policy.minLength) return `Use at least ${policy.minLength} characters.`;
  if (length > policy.maxLength) return `Use at most ${policy.maxLength} characters.`;
  return null;
}

/**
 * Refuses a new password the server would refuse, as soon as it is typed, before any further
 * question. The server checks it again; one older than GET /management/password-policy (404)
 * is left to do so alone.
 */
export async function checkNewPassword(api: Pick<Authed, "call">, password: string, field: string): Promise<void> {
  let policy: Policy;
  try {
    policy = await api.call("GET", "/management/password-policy", ZPasswordPolicy);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT.notFound) return;
    throw error;
  }
  const problem = passwordProblem(password, policy);
  if (problem) throw new CliError(`${field}: ${problem}`, EXIT.rejected);
}
