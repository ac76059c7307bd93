import { z } from "zod";
import { describeIssues } from "../core/zod-issues.ts";
import { ZFormId } from "../db/row-id.ts";
import { AppError } from "../errors.ts";
import { ZStoreDomain } from "../stores/store-domain.ts";
import { ZJdbcSettings, ZLdapSettings } from "../user-stores/external/settings.ts";

/** What an admin sends to add or edit a secondary store; the domain's rules are in lib/stores/store-domain.ts. */
const common = {
  description: z.string().trim().max(500).default(""),
  readOnly: z.boolean().default(true),
};

/** Settings whose secret may be left blank on edit: blank keeps the stored one. */
const ldapEdit = ZLdapSettings.extend({ bindPassword: z.string().max(1024).default("") });
const jdbcEdit = ZJdbcSettings.extend({ password: z.string().max(1024).default("") });

export const ZAddStore = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ldap"), domain: ZStoreDomain, ...common, settings: ZLdapSettings }),
  z.object({ type: z.literal("jdbc"), domain: ZStoreDomain, ...common, settings: ZJdbcSettings }),
]);
export type TAddStore = z.infer<typeof ZAddStore>;

export const ZEditStore = z.discriminatedUnion("type", [
  z.object({ id: ZFormId, version: ZFormId, type: z.literal("ldap"), ...common, settings: ldapEdit }),
  z.object({ id: ZFormId, version: ZFormId, type: z.literal("jdbc"), ...common, settings: jdbcEdit }),
]);
export type TEditStore = z.infer<typeof ZEditStore>;

/** Settings to test before saving: a blank secret is taken from the saved store named by id. */
export const ZTestSettings = z.discriminatedUnion("type", [
  z.object({ id: ZFormId.optional(), type: z.literal("ldap"), readOnly: z.boolean().default(true), settings: ldapEdit }),
  z.object({ id: ZFormId.optional(), type: z.literal("jdbc"), readOnly: z.boolean().default(true), settings: jdbcEdit }),
]);
export type TTestSettings = z.infer<typeof ZTestSettings>;

export const ZStoreRef = z.object({ id: ZFormId });
export const ZStoreVersionRef = z.object({ id: ZFormId, version: ZFormId });

/**
 * The API's contract leaves a store's settings open (lib/contracts may not see the LDAP and
 * JDBC schemas), so its routes parse the mapped request with the command's own schema here,
 * once, answering a bad field as INVALID_INPUT naming it.
 */
export function parseStoreInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", describeIssues(parsed.error), { issues: parsed.error.issues });
  return parsed.data;
}
