import { z } from "zod";
import { APPLICATION, INTERNAL, PRIMARY } from "../core/domains.ts";
import { ZFormId } from "../db/row-id.ts";
import { ZJdbcSettings, ZLdapSettings } from "../user-stores/external/settings.ts";

/**
 * What an admin sends to add or edit a secondary store. WSO2's domain name rules: unique in
 * the tenant (case-insensitive), no underscore (WSO2 names a store's file after its domain,
 * with "_" standing for "."), no "/" (it separates the domain from a name), and never a domain
 * WSO2 reserves. Domains are kept upper-case, as WSO2 shows them.
 */
const RESERVED = [PRIMARY, INTERNAL, APPLICATION].map((d) => d.toUpperCase());

export const ZStoreDomain = z
  .string()
  .trim()
  .min(1, "Domain name is required.")
  .max(50, "Domain name is at most 50 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, "Domain name: letters, digits, “.” and “-” only (no “_”, “/” or spaces).")
  .transform((d) => d.toUpperCase())
  .refine((d) => !RESERVED.includes(d), "PRIMARY, Internal and Application are reserved domain names.");

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
