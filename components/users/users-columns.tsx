import { createColumnHelper } from "@tanstack/table-core";
import { qualifiedName } from "@/lib/core/domains";
import type { UserListRow } from "@/lib/users/list-users";
import type { UserAction } from "@/lib/authz/user-rules";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { deleteItem, RowMenuButton, type RowMenuItem } from "@/components/ui/table/row-actions";
import type { FormAction } from "@/lib/core/action-state";
import { SelectBox } from "@/components/ui/table/selection";
import { AccountBadges } from "./AccountBadges";

/** A listed user as the browser gets it: without grants, with what the viewer may do to it. */
export type UserRowView = Omit<UserListRow, "isAdminMember" | "grants"> & { self: boolean; actions: UserAction[] };

type Features = UrlTableFeatures<object>;

export const userLabel = (u: UserRowView) => qualifiedName(u.domain, u.username);

/** The actions a user's row may offer; each row's button lists the ones the viewer may use on it. */
const MENU_ACTIONS: UserAction[] = ["password", "roles", "profile", "delete"];

function ActionsCell({ user }: { user: UserRowView }) {
  const actions = MENU_ACTIONS.filter((a) => user.actions.includes(a));
  return <RowMenuButton name={userLabel(user)} actions={actions} values={{ id: String(user.id), version: String(user.version) }} />;
}

const column = createColumnHelper<Features, UserRowView>();
const selectColumn = column.display({
  id: "select",
  header: () => <span className="sr-only">Select</span>,
  cell: (info) => <SelectBox id={String(info.row.original.id)} label={userLabel(info.row.original)} />,
});
const dataColumns = column.columns([
  column.accessor("username", {
    header: "Username",
    cell: (info) => (
      <>
        <a href={`/users/${info.row.original.id}`} className="font-medium break-all hover:underline">
          {info.getValue()}
          {info.row.original.self && <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">you</span>}
        </a>{" "}
        <AccountBadges disabled={info.row.original.disabled} lockedUntil={info.row.original.lockedUntil} />
      </>
    ),
  }),
  column.accessor("domain", {
    header: "Domain",
    cell: (info) => (
      <>
        {info.getValue()}
        {info.row.original.readOnly && <span className="ml-1 text-slate-500">(Read-Only)</span>}
      </>
    ),
  }),
  column.accessor("roles", {
    header: "Roles",
    enableSorting: false,
    cell: (info) => (
      <ul className="chips">
        {info.getValue().map((r) => (
          <li key={r}>{r}</li>
        ))}
        {info.row.original.roleCount > info.getValue().length && (
          <li className="more">+{info.row.original.roleCount - info.getValue().length} more</li>
        )}
        <li className="muted">Internal/everyone</li>
      </ul>
    ),
  }),
  column.display({
    id: "actions",
    header: "Actions",
    cell: (info) => <ActionsCell user={info.row.original} />,
  }),
]);

/** The users table's row menu; the username is the link to the user's page (Details and Roles). */
export function userMenu(deleteAction: FormAction): RowMenuItem[] {
  return [
    { key: "password", label: "Change password", name: "Change password of {name}", href: "/users/{id}/password" },
    { key: "roles", label: "Assign roles", name: "Assign roles to {name}", href: "/users/{id}/roles" },
    { key: "profile", label: "Edit profile", name: "Edit profile of {name}", href: "/users/{id}/profile" },
    deleteItem(deleteAction, "The account, its roles and profile are removed and its sessions end. This cannot be undone.", "Delete user"),
  ];
}

export const userColumns = { selectable: [selectColumn, ...dataColumns], plain: dataColumns };
