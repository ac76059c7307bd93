import { z } from "zod";

/**
 * apictl sends `"domain": ""` when the admin accepts the default store: empty means PRIMARY, as
 * in the MI, so it is dropped here and the name's own domain (or PRIMARY) applies.
 */
export const ZDomain = z
  .string()
  .max(64)
  .nullish()
  .transform((v) => v || undefined);

/** apictl sends isAdmin as the string "true" or "false"; scripts send a boolean. */
export const ZIsAdmin = z
  .union([
    z.boolean(),
    z
      .string()
      .max(5)
      .regex(/^(true|false)$/i, "Expected true or false.")
      .transform((v) => v.toLowerCase() === "true"),
  ])
  .nullish()
  .transform((v) => v ?? false);

/** Go marshals an empty role list as null; both mean "none" (the handler reads `?? []`). */
export const ZRoleNames = z.array(z.string().min(1).max(1024)).max(500).nullish();
