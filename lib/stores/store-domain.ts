import { z } from "zod";
import { APPLICATION, INTERNAL, PRIMARY } from "../core/domains.ts";

/**
 * A secondary store's domain name, by WSO2's rules: unique in
 * the tenant (case-insensitive), no underscore (WSO2 names a store's file after its domain,
 * with "_" standing for "."), no "/" (it separates the domain from a name), and never a domain
 * WSO2 reserves. Domains are kept upper-case, as WSO2 shows them.
 */
export const RESERVED_DOMAINS = [PRIMARY, INTERNAL, APPLICATION].map((d) => d.toUpperCase());

export const ZStoreDomain = z
  .string()
  .trim()
  .min(1, "Domain name is required.")
  .max(50, "Domain name is at most 50 characters.")
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, "Domain name: letters, digits, “.” and “-” only (no “_”, “/” or spaces).")
  .transform((d) => d.toUpperCase())
  .refine((d) => !RESERVED_DOMAINS.includes(d), "PRIMARY, Internal and Application are reserved domain names.");
