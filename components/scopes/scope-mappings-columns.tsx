import Link from "next/link";
import { createColumnHelper } from "@tanstack/table-core";
import type { ScopeMappingRow } from "@/lib/scopes/list-scope-mappings";
import type { FormAction } from "@/lib/core/action-state";
import { RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";
import type { UrlTableFeatures } from "@/components/ui/table/features";

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

/** The scope assignments' row menu; `version` is the one every delete must name. */
export function scopeMappingMenu({ remove, version }: { remove: FormAction; version: number }): RowMenuItem[] {
  const confirm = (kind: "alias" | "custom", label: string, body: string): RowMenuItem => ({
    key: kind,
    label,
    confirm: {
      action: remove,
      title: `${label}: {name}?`,
      body,
      confirmLabel: label,
      fields: { role: "{name}", kind, version: String(version) },
    },
  });
  return [
    { key: "edit", label: "Edit", href: "/settings/role-permissions/edit?role={name}" },
    confirm("alias", "Delete alias", "{name} stops getting the scopes of {aliasOf}. Those roles keep their scopes."),
    confirm("custom", "Delete scopes", "{name} is removed from all {scopeCount} of its scopes."),
  ];
}

function Actions({ row }: { row: ScopeMappingRow }) {
  if (row.protected) return <span className="text-sm text-slate-500">On every scope, always</span>;
  const keys = ["edit", row.aliasOf.length > 0 && "alias", row.scopeCount > 0 && "custom"].filter(
    (k): k is string => typeof k === "string",
  );
  const values = { aliasOf: row.aliasOf.join(", "), scopeCount: String(row.scopeCount) };
  return <RowMenuButton name={row.role} actions={keys} values={values} />;
}

const column = createColumnHelper<UrlTableFeatures<object>, ScopeMappingRow>();
export const scopeMappingColumns = column.columns([
  column.accessor("role", { header: "Roles", cell: (info) => <span className="font-medium break-all">{info.getValue()}</span> }),
  column.display({ id: "assignments", header: "Scope Assignments", cell: (info) => <Assignments row={info.row.original} /> }),
  column.display({ id: "actions", header: "Actions", cell: (info) => <Actions row={info.row.original} /> }),
]);
