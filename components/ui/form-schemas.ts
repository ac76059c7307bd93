import type { z } from "zod";
import type { TPasswordPolicy } from "@/lib/users/form-schemas";

/**
 * The schemas a form may check in the browser, by name (a server page cannot hand a schema to a
 * client component). Each is the one its server action parses with, imported on demand: zod is
 * ~30 kB of gzip, past the first-load budget (docs/performance.md), so ActionForm fetches it
 * once the form is on screen and the server checks whatever is posted before it arrives.
 */
export type FormSchema =
  | { name: "newUser" | "resetPassword" | "ownPassword" | "addTenant"; policy: TPasswordPolicy }
  | { name: "profile" | "tenantContact" }
  | { name: "addStore" | "editStore" };

export async function loadFormSchema(schema: FormSchema): Promise<z.ZodType> {
  if (schema.name === "addTenant" || schema.name === "tenantContact") {
    const { tenantForms } = await import("@/lib/tenants/tenant-form-schemas");
    return schema.name === "addTenant" ? tenantForms.addTenant(schema.policy) : tenantForms.tenantContact();
  }
  if (schema.name === "addStore" || schema.name === "editStore") {
    const { storeForms } = await import("@/lib/store-management/store-form-schemas");
    return storeForms[schema.name]();
  }
  const { userForms } = await import("@/lib/users/form-schemas");
  return "policy" in schema ? userForms[schema.name](schema.policy) : userForms.profile();
}
