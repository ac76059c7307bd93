import type { z } from "zod";
import type { TPasswordPolicy } from "@/lib/users/form-schemas";
import type { ClaimRule } from "@/lib/claims/profile-rules";

/**
 * The schemas a form may check in the browser, by name (a server page cannot hand a schema to a
 * client component). Each is the one its server action parses with, imported on demand: zod is
 * ~30 kB of gzip, past the first-load budget (docs/performance.md), so ActionForm fetches it
 * once the form is on screen and the server checks whatever is posted before it arrives.
 */
export type FormSchema =
  | { name: "newUser" | "resetPassword" | "ownPassword" | "addTenant"; policy: TPasswordPolicy }
  | { name: "tenantContact" }
  | { name: "profile"; claims: ClaimRule[] }
  | { name: "addStore" | "editStore" }
  | { name: "addClaim" | "editClaim" };

export async function loadFormSchema(schema: FormSchema): Promise<z.ZodType> {
  if (schema.name === "addTenant" || schema.name === "tenantContact") {
    const { tenantForms } = await import("@/lib/tenants/tenant-form-schemas");
    return schema.name === "addTenant" ? tenantForms.addTenant(schema.policy) : tenantForms.tenantContact();
  }
  if (schema.name === "addStore" || schema.name === "editStore") {
    const { storeForms } = await import("@/lib/store-management/store-form-schemas");
    return storeForms[schema.name]();
  }
  if (schema.name === "addClaim" || schema.name === "editClaim") {
    const { ZAddClaimForm, ZEditClaimForm } = await import("@/lib/claims/claim-input");
    return schema.name === "addClaim" ? ZAddClaimForm : ZEditClaimForm;
  }
  if (schema.name === "profile") {
    const { profileSchema } = await import("@/lib/claims/profile-rules");
    return profileSchema(schema.claims);
  }
  if (!("policy" in schema)) throw new Error(`No form schema is named ${schema.name}.`);
  const { userForms } = await import("@/lib/users/form-schemas");
  return userForms[schema.name](schema.policy);
}
