import { z } from "zod";
import { ZFormId } from "../db/row-id.ts";
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
