import Link from "next/link";
import { createColumnHelper } from "@tanstack/table-core";
import type { ScopeMappingRow } from "@/lib/scopes/list-scope-mappings";
import type { FormAction } from "@/lib/core/action-state";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import type { UrlTableFeatures } from "@/components/ui/table/features";

/** `version` is the tenant's scope-mapping version the page was read at: a delete must name it. */
export type ScopeMappingsMeta = { remove: FormAction; version: number };

const link = "text-brand-700 underline-offset-2 hover:underline";
const q = (role: string) => `?role=${encodeURIComponent(role)}`;

function Assignments({ row }: { row: ScopeMappingRow }) {
  return (
    <div className="space-y-1">
      {row.aliasOf.length > 0 && (
        <ul aria-label={`${row.role} is an alias of`} className="flex flex-wrap gap-1">
          {row.aliasOf.map((target) => (
            <li key={target} className="rounded-full bg-brand-100 px-2.5 py-0.5 text-sm text-brand-800 break-all">
              {target}
            </li>
          ))}
        </ul>
      )}
      {row.scopeCount > 0 && (
        <Link className={link} href={`/settings/role-permissions/view${q(row.role)}`}>
          {row.scopeCount} {row.scopeCount === 1 ? "scope" : "scopes"}
        </Link>
      )}
    </div>
  );
}

function Actions({ row, meta: { remove, version } }: { row: ScopeMappingRow; meta: ScopeMappingsMeta }) {
  const confirm = (kind: "alias" | "custom", label: string, body: string) => (
    <ConfirmAction
      action={remove}
      fields={{ role: row.role, kind, version: String(version) }}
      label={label}
      title={`${label}: ${row.role}?`}
      confirmLabel={label}
    >
      {body}
    </ConfirmAction>
  );
  if (row.protected) return <span className="text-sm text-slate-500">On every scope, always</span>;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Link className={link} href={`/settings/role-permissions/edit${q(row.role)}`}>
        Edit
      </Link>
      {row.aliasOf.length > 0 &&
        confirm(
          "alias",
          row.scopeCount > 0 ? "Delete alias" : "Delete",
          `${row.role} stops getting the scopes of ${row.aliasOf.join(", ")}. Those roles keep their scopes.`,
        )}
      {row.scopeCount > 0 &&
        confirm(
          "custom",
          row.aliasOf.length > 0 ? "Delete scopes" : "Delete",
          `${row.role} is removed from all ${row.scopeCount} of its scopes.`,
        )}
    </div>
  );
}

const column = createColumnHelper<UrlTableFeatures<ScopeMappingsMeta>, ScopeMappingRow>();
export const scopeMappingColumns = column.columns([
  column.accessor("role", { header: "Roles", cell: (info) => <span className="font-medium break-all">{info.getValue()}</span> }),
  column.display({ id: "assignments", header: "Scope Assignments", cell: (info) => <Assignments row={info.row.original} /> }),
  column.display({ id: "actions", header: "Actions", cell: (info) => <Actions row={info.row.original} meta={info.table.options.meta!} /> }),
]);
