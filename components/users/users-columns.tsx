import { createColumnHelper } from "@tanstack/table-core";
import type { UserListRow } from "@/lib/users/list-users";
import type { UserAction } from "@/lib/authz/user-rules";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { deleteItem, type RowMenuItem } from "@/components/ui/table/row-actions";
import type { FormAction } from "@/lib/core/action-state";

/** A listed user as the browser gets it: without grants, with what the viewer may do to it. */
export type UserRowView = Omit<UserListRow, "isAdminMember" | "grants"> & { self: boolean; actions: UserAction[] };

type Features = UrlTableFeatures<object>;

// The headers and sorting only: the cells are UsersRows.tsx's, rendered from the rows' data.
const column = createColumnHelper<Features, UserRowView>();
const selectColumn = column.display({ id: "select", header: () => <span className="sr-only">Select</span> });
const dataColumns = column.columns([
  column.accessor("username", { header: "Username" }),
  column.accessor("domain", { header: "Domain" }),
  column.accessor("roles", { header: "Roles", enableSorting: false }),
  column.display({ id: "actions", header: "Actions" }),
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
