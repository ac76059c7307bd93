/**
 * The one way Gatehouse turns zod issues into words, for every transport: an API or CLI
 * message names each issue's path so a script author can find the fault; a form gets the
 * messages per top-level field. Pure and client-safe (the CLI imports it).
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

/** `["roles", 2, "name"]` → `roles[2].name`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "");
}

/** One issue as `path: message`, or the message alone at the top level. */
export function describeIssue(issue: Issue): string {
  const path = issuePath(issue.path);
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** "roles[2]: Too small…; name: Required": the first few issues, with their paths. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  return error.issues.slice(0, limit).map(describeIssue).join("; ");
}

/** The first issue, which a single-field check reports on its own. */
export function firstIssue(error: z.ZodError): Issue {
  return error.issues[0]!;
}

/** A form's errors: each issue's message under its top-level field; issues without a path are left out. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    (out[String(issue.path[0])] ??= []).push(issue.message);
  }
  return out;
}
