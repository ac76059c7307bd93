import { z } from "zod";
import { getConfig } from "../config/current.ts";
import { passwordSchema } from "./form-schemas.ts";

export { confirmed, passwordSchema } from "./form-schemas.ts";

/** The configured policy, read when a value is checked, for schemas declared before the config loads. */
export const ZConfiguredPassword = z.lazy(() => passwordSchema(getConfig().password_policy));
