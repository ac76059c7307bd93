"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/transport/action";
import { db } from "@/lib/db/client";
import { applyImport, ZApplyImport } from "@/lib/scopes/apply-import";
import { ZImportOptions } from "@/lib/scopes/plan-import";
import { previewImport, type ImportPreview } from "@/lib/scopes/preview-import";
import { MAX_TENANT_CONF_CHARS } from "@/lib/scopes/tenant-conf";

const ZPreviewImport = ZImportOptions.extend({
  text: z.string().trim().min(1, "Choose a file or paste the JSON.").max(MAX_TENANT_CONF_CHARS),
});

export const previewImportAction = defineAction({ feature: "scopes.manage", schema: ZPreviewImport }, async (input, { principal }) => {
  const { text, ...options } = input;
  const data: ImportPreview = await previewImport(db(), principal.tenantId, text, options);
  return { message: "Review the changes, then apply.", data };
});

export const applyImportAction = defineAction({ feature: "scopes.manage", schema: ZApplyImport }, async (input, actor) => {
  const { report } = await applyImport(db(), actor, input);
  revalidatePath("/settings/role-permissions", "layout");
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const skipped = report.unknownRoles.length + report.unknownScopes.length;
  return {
    message:
      `Imported tenant-conf.json: ${plural(report.scopes.length, "scope", "scopes")} and ${plural(report.aliases.length, "alias role", "alias roles")} changed` +
      (report.newScopes.length > 0 ? `; ${plural(report.newScopes.length, "scope", "scopes")} added to the catalog` : "") +
      (report.newRoles.length > 0 ? `; ${plural(report.newRoles.length, "role", "roles")} created` : "") +
      (skipped > 0 ? `; ${plural(skipped, "unknown name", "unknown names")} skipped.` : "."),
  };
});
