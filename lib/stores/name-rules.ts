import { z } from "zod";

// WSO2's default UsernameJavaRegEx and RolenameJavaRegEx: 3 to 30 characters, no white space.
export const DEFAULT_NAME_PATTERN = "^[\\S]{3,30}$";

// Control and format characters (bidi overrides, zero-width spaces) make a name look like
// another one, so no store accepts them, whatever its pattern says. Default-ignorables add the
// blank letters (Hangul fillers), variation selectors and the combining grapheme joiner, which
// render as nothing and so slip past the look-alike check.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

export type StoreRules = { domain: string; readOnly: boolean; usernamePattern: string | null; rolePattern: string | null };

function nameSchema(kind: "Username" | "Role name", pattern: string) {
  const regex = new RegExp(pattern, "u");
  return z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, `${kind} is required.`)
        .max(255, `${kind} is too long.`)
        .refine((s) => !INVISIBLE.test(s), `${kind} contains invisible or control characters.`)
        .refine((s) => regex.test(s), `${kind} must match ${pattern}.`),
    );
}

export function usernameSchema(store: StoreRules) {
  return nameSchema("Username", store.usernamePattern ?? DEFAULT_NAME_PATTERN).refine(
    (s) => !s.includes("/"),
    "Username cannot contain “/”.",
  );
}

export function roleNameSchema(store: StoreRules) {
  return nameSchema("Role name", store.rolePattern ?? DEFAULT_NAME_PATTERN).refine(
    (s) => !s.includes("/"),
    "Role name cannot contain “/”.",
  );
}
