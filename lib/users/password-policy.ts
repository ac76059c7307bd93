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

export function ZChangeOwnPassword(policy: TGatehouseConfig["password_policy"]) {
  return z
    .object({
      currentPassword: z.string().min(1, "Enter your current password.").max(1024),
      newPassword: passwordSchema(policy),
      confirmPassword: z.string(),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." })
    .refine((v) => v.newPassword !== v.currentPassword, {
      path: ["newPassword"],
      message: "Choose a password different from the current one.",
    });
}
