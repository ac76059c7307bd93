import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { formList } from "../forms.ts";

// The users' form schemas, free of server code: the commands parse with them on the server, and
// the console's forms load the same ones in the browser (components/ui/form-schemas.ts) to show
// every field's error before posting. The password policy is a parameter: the server passes the
// configured one, the browser the one its page was rendered with.

export type TPasswordPolicy = { min_length: number; max_length: number };

/** ASVS 2.1: length limits only, no composition rules; Unicode and spaces allowed. */
export function passwordSchema(policy: TPasswordPolicy) {
  return z
    .string()
    .refine((p) => [...p].length >= policy.min_length, `Use at least ${policy.min_length} characters.`)
    .refine((p) => [...p].length <= policy.max_length, `Use at most ${policy.max_length} characters.`);
}

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

type Password = z.ZodType<string>;

export const newUserInput = (password: Password) =>
  z.object({ domain: z.string().min(1).max(64), username: z.string().max(1024), password, roleIds: formList(ZFormId, 100) });

export const resetPasswordInput = (password: Password) =>
  z.object({
    id: ZFormId,
    version: ZFormId,
    password,
    requireChange: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  });

export const ownPasswordInput = (password: Password) =>
  z.object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024), newPassword: password });

const differs = (v: { currentPassword: string; newPassword: string }) => v.newPassword !== v.currentPassword;
/** The new password must differ from the current one; the command checks it too. */
export const ownPasswordDiffers: [typeof differs, { path: string[]; message: string }] = [
  differs,
  { path: ["newPassword"], message: "Choose a password different from the current one." },
];

/** The forms as the browser checks them, with the policy its page was rendered with. */
export const userForms = {
  newUser: (policy: TPasswordPolicy) => confirmed(newUserInput(passwordSchema(policy)), "password"),
  resetPassword: (policy: TPasswordPolicy) => confirmed(resetPasswordInput(passwordSchema(policy)), "password"),
  ownPassword: (policy: TPasswordPolicy) =>
    confirmed(ownPasswordInput(passwordSchema(policy)), "newPassword").refine(...ownPasswordDiffers),
};
