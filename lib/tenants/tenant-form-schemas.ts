import { z } from "zod";
import { confirmed, passwordSchema, type TPasswordPolicy } from "../users/form-schemas.ts";
import { ZCreateTenant, ZTenantId, ZUpdateTenantContact } from "./tenant-input.ts";

// The console's tenant forms, free of server code: the actions parse with them, and the forms
// load the same ones in the browser (components/ui/form-schemas.ts) to show every field's error
// at once. The server's own checks (username pattern, password policy, a taken domain) stay in
// createTenant, which reports each on its field.

/** Add New Tenant: the command's input plus the password's confirmation. */
export const ZNewTenantForm = confirmed(ZCreateTenant, "password");

/** The row menu's Activate and Deactivate post `active` as text. */
export const ZSetTenantActiveForm = ZTenantId.extend({
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const tenantForms = {
  /** In the browser the password policy the page was rendered with is checked too. */
  addTenant: (policy: TPasswordPolicy) =>
    confirmed(ZCreateTenant.extend({ password: ZCreateTenant.shape.password.pipe(passwordSchema(policy)) }), "password"),
  tenantContact: () => ZUpdateTenantContact,
};
