import { createColumnHelper } from "@tanstack/table-core";
import type { RoleAction } from "@/lib/authz/role-rules";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { RowActions, RowConfirmButton, RowLink } from "@/components/ui/table/row-actions";

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

/** What every role's confirmation says after the row's own sentence (its member count). */
export const DELETE_ROLE_BODY = "Its API scope mappings go with it. This cannot be undone.";

const membersLose = (n: number) => (n === 1 ? "1 member loses" : `${n.toLocaleString("en")} members lose`);

function ActionsCell({ role }: { role: RoleRowView }) {
  const has = (a: RoleAction) => role.actions.includes(a);
  const name = role.qualified;
  return (
    <RowActions>
      {has("rename") && (
        <RowLink href={`/roles/${role.id}/rename`} name={`Rename ${name}`}>
          Rename
        </RowLink>
      )}
      {has("permissions") && (
        <RowLink href={`/roles/${role.id}/permissions`} name={`Edit Permissions of ${name}`}>
          Edit Permissions
        </RowLink>
      )}
      {has("assignUsers") && (
        <RowLink href={`/roles/${role.id}/users`} name={`Assign Users to ${name}`}>
          Assign Users
        </RowLink>
      )}
      {has("viewUsers") && (
        <RowLink href={`/roles/${role.id}`} name={`View Users of ${name}`}>
          View Users
        </RowLink>
      )}
      {has("delete") && (
        <RowConfirmButton
          label="Delete"
          target={{ id: role.id, version: role.version, name, detail: `${membersLose(role.memberCount)} the role and its permissions.` }}
        />
      )}
      {role.kind === "everyone" && <span className="text-slate-500">Every user, always</span>}
    </RowActions>
  );
}

const column = createColumnHelper<UrlTableFeatures<object>, RoleRowView>();
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
    cell: (info) => <ActionsCell role={info.row.original} />,
  }),
]);
