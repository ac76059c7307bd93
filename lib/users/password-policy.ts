import { z } from "zod";
import type { TGatehouseConfig } from "../config/schema.ts";

/** ASVS 2.1: length limits only, no composition rules; Unicode and spaces allowed. */
export function passwordSchema(policy: TGatehouseConfig["password_policy"]) {
  return z
    .string()
    .refine((p) => [...p].length >= policy.min_length, `Use at least ${policy.min_length} characters.`)
    .refine((p) => [...p].length <= policy.max_length, `Use at most ${policy.max_length} characters.`);
}

export function ZChangeOwnPassword(policy: TGatehouseConfig["password_policy"]) {
  return z
    .object({
      currentPassword: z.string().min(1, "Enter your current password.").max(1024),
      newPassword: passwordSchema(policy),
      confirmPassword: z.string(),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match." })
    .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });
}
