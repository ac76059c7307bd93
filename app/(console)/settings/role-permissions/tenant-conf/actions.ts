"use server";

import { revalidatePath } from "next/cache";
import { applyImportCommand, previewImportCommand } from "@/lib/scopes/commands";
import { commandAction } from "@/lib/transport/command-action";

export const previewImportAction = commandAction(previewImportCommand, {
  done: (data) => ({ message: "Review the changes, then apply.", data }),
});

export const applyImportAction = commandAction(applyImportCommand, {
  done: ({ report }) => {
    revalidatePath("/settings/role-permissions", "layout");
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const skipped = report.unknownRoles.length + report.unknownScopes.length;
    return {
      message:
        `Imported tenant-conf.json: ${plural(report.scopes.length, "scope", "scopes")} and ` +
        `${plural(report.aliases.length, "alias role", "alias roles")} changed` +
        (report.newScopes.length > 0 ? `; ${plural(report.newScopes.length, "scope", "scopes")} added to the catalog` : "") +
        (report.newRoles.length > 0 ? `; ${plural(report.newRoles.length, "role", "roles")} created` : "") +
        (skipped > 0 ? `; ${plural(skipped, "unknown name", "unknown names")} skipped.` : "."),
    };
  },
});
