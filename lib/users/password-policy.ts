import { z } from "zod";
import { getConfig } from "../config/current.ts";
import type { TGatehouseConfig } from "../config/schema.ts";

/** ASVS 2.1: length limits only, no composition rules; Unicode and spaces allowed. */
export function passwordSchema(policy: TGatehouseConfig["password_policy"]) {
  return z
    .string()
    .refine((p) => [...p].length >= policy.min_length, `Use at least ${policy.min_length} characters.`)
    .refine((p) => [...p].length <= policy.max_length, `Use at most ${policy.max_length} characters.`);
}

/** The configured policy, read when a value is checked, for schemas declared before the config loads. */
export const ZConfiguredPassword = z.lazy(() => passwordSchema(getConfig().password_policy));

/**
 * A form's schema for an input with a new password: the same fields plus the confirmation,
 * which only a form asks for. Its output is still the command's input (the extra field is ignored).
 */
export function confirmed<S extends z.ZodObject>(schema: S, field: keyof z.output<S> & string) {
  const form = schema
    .extend({ confirmPassword: z.string().max(1024) })
    .refine((v: Record<string, unknown>) => v[field] === v.confirmPassword, {
      path: ["confirmPassword"],
      message: "The passwords do not match.",
    });
  // extend() on a generic object schema loses the shape in the types, not at run time.
  return form as unknown as z.ZodType<z.output<S> & { confirmPassword: string }>;
}
