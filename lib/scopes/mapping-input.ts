/**
 * zod pieces of the scope-mapping commands' inputs (commands.ts). Lists accept a JSON array or
 * repeated form fields (lib/forms.ts), and the version arrives as a number or a form string. An
 * adapter parses once with them; the writes take the parsed values and never parse again.
 */
import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
import { formList } from "../forms.ts";
import { ZRoleName, ZScopeName } from "../contracts/apim-admin.ts";

export const ZMappingVersion = ZFormId;
/** A WSO2 role name ("admin", "Internal/creator", "SECONDARY/dev") and a scope name, as the APIM contract has them. */
export { ZRoleName, ZScopeName };

export const ZRoleNameList = formList(ZRoleName, 1000);
export const ZScopeNameList = formList(ZScopeName, 1000);

export function nonEmpty<T extends z.ZodType<unknown[]>>(list: T, message: string) {
  return list.refine((items) => items.length > 0, message);
}

/** One role's mapping, as the wizard and the edit dialog send it. */
export const ZMappingBody = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("alias"), role: ZRoleName, targets: nonEmpty(ZRoleNameList, "Choose at least one role to map to.") }),
  z.object({ mode: z.literal("custom"), role: ZRoleName, scopes: nonEmpty(ZScopeNameList, "Choose at least one scope.") }),
]);
export type TMappingBody = z.infer<typeof ZMappingBody>;
