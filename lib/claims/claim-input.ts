import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { LOCAL_DIALECT } from "./builtin-claims.ts";
import { claimPattern } from "./claim-pattern.ts";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false);

/** A regular expression RE2 reads (lib/claims/claim-pattern.ts); "" means none. */
const ZRegEx = z
  .string()
  .trim()
  .max(500)
  .refine((source) => source === "" || claimPattern(source) !== null, {
    message: "Enter a regular expression in RE2 syntax (no lookaround or back-references), or leave it empty.",
  });

const ZAttribute = z.object({
  storeId: ZFormId,
  attribute: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z][A-Za-z0-9_;-]*$/, "Enter an attribute name such as mail or givenName."),
});

/** What an admin sets on a claim; the URI is set once, when it is added. */
const ZClaimFields = z.object({
  displayName: z.string().trim().min(1, "Enter a display name.").max(100),
  description: z.string().trim().max(500).default(""),
  regEx: ZRegEx.default(""),
  required: checkbox,
  readOnly: checkbox,
  supportedByDefault: checkbox,
  displayOrder: z.coerce.number().int("Enter a whole number.").min(0).max(10_000).default(0),
  attributes: z.array(ZAttribute).max(50).default([]),
});

export const ZClaimUri = z
  .string()
  .trim()
  .max(200)
  .regex(
    new RegExp(`^${LOCAL_DIALECT.replace(/[./]/g, "\\$&")}/[A-Za-z0-9_][A-Za-z0-9_./-]*$`),
    `Enter a URI in the local dialect, like ${LOCAL_DIALECT}/department.`,
  );

export const ZAddClaim = ZClaimFields.extend({ uri: ZClaimUri });
export type TAddClaim = z.infer<typeof ZAddClaim>;

export const ZClaimRef = z.object({ id: ZFormId });
export const ZClaimVersionRef = ZClaimRef.extend({ version: ZFormId });

export const ZEditClaim = ZClaimFields.extend(ZClaimVersionRef.shape);
export type TEditClaim = z.infer<typeof ZEditClaim>;

/** `confirmValues`: the number of user values the admin agreed to delete with the claim. */
export const ZDeleteClaim = ZClaimVersionRef.extend({ confirmValues: z.coerce.number().int().min(0).optional() });
export type TDeleteClaim = z.infer<typeof ZDeleteClaim>;

/**
 * The form's shape: a store id and an attribute per row, repeated (hidden store id, text input);
 * an empty attribute means "not mapped" there. Rewritten into `attributes`, then parsed once.
 */
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
function attributeRows(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const { storeId, attribute, ...rest } = raw as Record<string, unknown>;
  const attributes = list(attribute);
  const rows = list(storeId).flatMap((id, i) => {
    const value = attributes[i];
    return typeof value === "string" && value.trim() !== "" ? [{ storeId: id, attribute: value }] : [];
  });
  return { ...rest, attributes: rows };
}

export const ZAddClaimForm = z.preprocess(attributeRows, ZAddClaim);
export const ZEditClaimForm = z.preprocess(attributeRows, ZEditClaim);
