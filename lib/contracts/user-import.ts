import { z } from "zod";

/** /api/v1/users/import (docs/import-export.md): the answers the console, the CLI and scripts read. */

export const ZImportJobAnswer = z.object({
  id: z.number(),
  fileName: z.string(),
  format: z.string(),
  onExisting: z.string(),
  domain: z.string(),
  state: z.enum(["staging", "preview", "queued", "running", "cancelling", "cancelled", "done", "failed"]),
  version: z.number(),
  total: z.number(),
  toCreate: z.number(),
  toUpdate: z.number(),
  toSkip: z.number(),
  invalid: z.number(),
  toApply: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  failed: z.number(),
  lastError: z.string().nullable(),
});
export type TImportJobAnswer = z.infer<typeof ZImportJobAnswer>;

export const ZImportRowAnswer = z.object({
  line: z.number(),
  username: z.string(),
  plan: z.enum(["create", "update", "skip", "invalid"]),
  outcome: z.string().nullable(),
  column: z.string(),
  message: z.string(),
});

export const ZImportRowsAnswer = z.object({ rows: z.array(ZImportRowAnswer), next: z.number().nullable() });

/** Start and cancel name the version the caller saw, so a stale view cannot act twice. */
export const ZImportJobVersion = z.object({ version: z.coerce.number().int().positive() });
