import { z } from "zod";
import { flatForm } from "./store-form-schemas.ts";
import { ZTestStore, type TTestStore } from "./test-store.ts";

export { ZAddStoreForm, ZEditStoreForm } from "./store-form-schemas.ts";

export const ZTestStoreForm: z.ZodType<TTestStore> = flatForm(ZTestStore);

/** Form checkbox to boolean, for the enable/disable buttons. */
export const ZEnabledForm = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
