import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { LOCAL_DIALECT } from "./builtin-claims.ts";
import { claimPattern } from "./claim-pattern.ts";

/** What the profile editor needs of a claim, on the server and in the browser alike. */
export type ClaimRule = { uri: string; displayName: string; regEx: string; required: boolean; readOnly: boolean };

/**
 * Built-in claims whose values Gatehouse keeps in its own columns (the name, lockout, disabled
 * flag, last sign-in), never in UserClaim: the profile editor and the claim filter leave them out.
 */
export const COMPUTED_CLAIMS: ReadonlySet<string> = new Set(
  ["username", "identity/accountLocked", "identity/accountDisabled", "identity/lastLoginTime"].map((c) => `${LOCAL_DIALECT}/${c}`),
);

const EMAIL = `${LOCAL_DIALECT}/emailaddress`;
export const MAX_CLAIM_VALUE = 1024;

/** Why `value` (trimmed) is not a valid value of the claim, or null. */
export function claimValueError(rule: ClaimRule, value: string): string | null {
  if (value === "") return rule.required ? `Enter ${rule.displayName.toLowerCase()}; it is required.` : null;
  if (value.length > MAX_CLAIM_VALUE) return `${rule.displayName} is too long: at most ${MAX_CLAIM_VALUE} characters.`;
  if (rule.regEx && !safeTest(rule.regEx, value)) {
    // The console's wording for email stays as it was before claims were data.
    return rule.uri === EMAIL ? "Enter an email address like name@example.com." : `${rule.displayName} must match ${rule.regEx}.`;
  }
  return null;
}

/** Whether the value matches the claim's pattern (anywhere, as RegExp.test); one RE2 cannot read constrains nothing. */
function safeTest(source: string, value: string): boolean {
  return claimPattern(source)?.test(value) ?? true;
}

/** Every editable claim's error, keyed by its URI (the form field's name). */
export function profileErrors(rules: readonly ClaimRule[], values: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const rule of rules) {
    if (rule.readOnly) continue;
    const raw = values[rule.uri];
    const error = claimValueError(rule, typeof raw === "string" ? raw.trim() : "");
    if (error) errors[rule.uri] = [error];
  }
  return errors;
}

/** The profile form: id and version, and one string per claim; the claims' rules are checked against the tenant's definitions. */
export type TUpdateUserClaims = { id: number; version: number; [uri: string]: string | number };
export const ZUpdateUserClaims: z.ZodType<TUpdateUserClaims> = z
  .object({ id: ZFormId, version: ZFormId })
  .catchall(z.string().max(MAX_CLAIM_VALUE * 4));

/** The same check in the browser, with the rules the page was rendered with: every field's error at once. */
export function profileSchema(rules: readonly ClaimRule[]) {
  return ZUpdateUserClaims.superRefine((values, ctx) => {
    for (const [uri, [message]] of Object.entries(profileErrors(rules, values))) ctx.addIssue({ code: "custom", path: [uri], message });
  });
}
