import Link from "next/link";
import { createColumnHelper } from "@tanstack/table-core";
import type { RoleAction } from "@/lib/authz/role-rules";
import type { FormAction } from "@/lib/core/action-state";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import type { UrlTableFeatures } from "@/components/ui/table/features";

export type RoleRowView = {
  id: number;
  version: number;
  qualified: string;
  domain: string;
  kind: string;
  readOnly: boolean;
  memberCount: number;
  permissionCount: number;
  actions: RoleAction[];
};

export type RolesMeta = { deleteAction: FormAction };

const link = "text-brand-700 underline-offset-2 hover:underline";

function ActionsCell({ role, deleteAction }: { role: RoleRowView; deleteAction: FormAction }) {
  const has = (a: RoleAction) => role.actions.includes(a);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      {has("rename") && (
        <Link className={link} href={`/roles/${role.id}/rename`}>
          Rename
        </Link>
      )}
      {has("permissions") && (
        <Link className={link} href={`/roles/${role.id}/permissions`}>
          Edit Permissions
        </Link>
      )}
      {has("assignUsers") && (
        <Link className={link} href={`/roles/${role.id}/users`}>
          Assign Users
        </Link>
      )}
      {has("viewUsers") && (
        <Link className={link} href={`/roles/${role.id}`}>
          View Users
        </Link>
      )}
      {has("delete") && (
        <ConfirmAction
          action={deleteAction}
          fields={{ id: String(role.id), version: String(role.version) }}
          label="Delete"
          title={`Delete ${role.qualified}?`}
          confirmLabel="Delete role"
        >
          {role.memberCount} members lose the role and its permissions, and its API scope mappings go with it. This cannot be undone.
        </ConfirmAction>
      )}
      {role.kind === "everyone" && <span className="text-slate-500">Every user, always</span>}
    </div>
  );
}

const column = createColumnHelper<UrlTableFeatures<RolesMeta>, RoleRowView>();
export const roleColumns = column.columns([
  column.accessor("qualified", {
    header: "Role Name",
    cell: (info) => (
      <span className="font-medium break-all">
        {info.getValue()}
        {info.row.original.kind === "admin" && " "}
        {info.row.original.kind === "admin" && (
          <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">admin role</span>
        )}
      </span>
    ),
  }),
  column.accessor("domain", { header: "Domain", cell: (info) => `${info.getValue()}${info.row.original.readOnly ? " (Read-Only)" : ""}` }),
  column.accessor("memberCount", {
    header: "Members",
    cell: (info) => (info.row.original.kind === "everyone" ? "all" : info.getValue().toLocaleString("en")),
  }),
  column.accessor("permissionCount", {
    header: "Permissions",
    cell: (info) => (info.row.original.kind === "admin" ? "all" : info.getValue()),
  }),
  column.display({
    id: "actions",
    header: "Actions",
    cell: (info) => <ActionsCell role={info.row.original} deleteAction={info.table.options.meta!.deleteAction} />,
  }),
]);
