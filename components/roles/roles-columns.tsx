import { createColumnHelper } from "@tanstack/table-core";
import type { RoleAction } from "@/lib/authz/role-rules";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import type { FormAction } from "@/lib/core/action-state";
import { deleteItem, RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";

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

const membersLose = (n: number) => (n === 1 ? "1 member loses" : `${n.toLocaleString("en")} members lose`);

/** The actions a role's row may offer; the role's name is the link to its page (its users). */
const MENU_ACTIONS: RoleAction[] = ["rename", "permissions", "assignUsers", "delete"];

/** The roles table's row menu. */
export function roleMenu(deleteAction: FormAction): RowMenuItem[] {
  return [
    { key: "rename", label: "Rename", href: "/roles/{id}/rename" },
    { key: "permissions", label: "Edit permissions", name: "Edit permissions of {name}", href: "/roles/{id}/permissions" },
    { key: "assignUsers", label: "Assign users", name: "Assign users to {name}", href: "/roles/{id}/users" },
    deleteItem(
      deleteAction,
      "{lose} the role and its permissions. Its API scope mappings go with it. This cannot be undone.",
      "Delete role",
    ),
  ];
}

function ActionsCell({ role }: { role: RoleRowView }) {
  if (role.kind === "everyone") return <span className="text-sm text-slate-500">Every user, always</span>;
  const actions = MENU_ACTIONS.filter((a) => role.actions.includes(a));
  const values = { id: String(role.id), version: String(role.version), lose: membersLose(role.memberCount) };
  return <RowMenuButton name={role.qualified} actions={actions} values={values} />;
}

function NameCell({ role }: { role: RoleRowView }) {
  const name = (
    <>
      {role.qualified}
      {role.kind === "admin" && " "}
      {role.kind === "admin" && <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">admin role</span>}
    </>
  );
  return role.actions.includes("viewUsers") ? (
    <a href={`/roles/${role.id}`} className="font-medium break-all hover:underline">
      {name}
    </a>
  ) : (
    <span className="font-medium break-all">{name}</span>
  );
}

const column = createColumnHelper<UrlTableFeatures<object>, RoleRowView>();
export const roleColumns = column.columns([
  column.accessor("qualified", { header: "Role Name", cell: (info) => <NameCell role={info.row.original} /> }),
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
