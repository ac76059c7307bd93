import Link from "next/link";
import { createColumnHelper } from "@tanstack/table-core";
import { qualifiedName } from "@/lib/core/domains";
import type { UserListRow } from "@/lib/users/list-users";
import type { UserAction } from "@/lib/authz/user-rules";
import type { FormAction } from "@/lib/core/action-state";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { SelectBox } from "@/components/ui/table/selection";

/** A listed user as the browser gets it: without grants, with what the viewer may do to it. */
export type UserRowView = Omit<UserListRow, "isAdminMember" | "grants"> & { self: boolean; actions: UserAction[] };

export type UsersMeta = { deleteAction: FormAction };
type Features = UrlTableFeatures<UsersMeta>;

const link = "text-brand-700 underline-offset-2 hover:underline";
export const userLabel = (u: UserRowView) => qualifiedName(u.domain, u.username);

function ActionsCell({ user, deleteAction }: { user: UserRowView; deleteAction: FormAction }) {
  const has = (a: UserAction) => user.actions.includes(a);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      {has("password") && (
        <Link className={link} href={`/users/${user.id}/password`}>
          Change Password
        </Link>
      )}
      {has("roles") && (
        <Link className={link} href={`/users/${user.id}/roles`}>
          Assign Roles
        </Link>
      )}
      {has("viewRoles") && (
        <Link className={link} href={`/users/${user.id}`}>
          View Roles
        </Link>
      )}
      {has("profile") && (
        <Link className={link} href={`/users/${user.id}/profile`}>
          User Profile
        </Link>
      )}
      {has("delete") && (
        <ConfirmAction
          action={deleteAction}
          fields={{ id: String(user.id), version: String(user.version) }}
          label="Delete"
          title={`Delete ${userLabel(user)}?`}
          confirmLabel="Delete user"
        >
          The account, its roles and profile are removed and its sessions end. This cannot be undone.
        </ConfirmAction>
      )}
    </div>
  );
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
      <Link href={`/users/${info.row.original.id}`} className="font-medium break-all hover:underline">
        {info.getValue()}
        {info.row.original.self && <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">you</span>}
      </Link>
    ),
  }),
  column.accessor("domain", {
    header: "Domain",
    cell: (info) => (
      <span>
        {info.getValue()}
        {info.row.original.readOnly && <span className="ml-1 text-slate-500">(Read-Only)</span>}
      </span>
    ),
  }),
  column.accessor("roles", {
    header: "Roles",
    enableSorting: false,
    cell: (info) => (
      <ul className="flex flex-wrap gap-1">
        {info.getValue().map((r) => (
          <li key={r} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs break-all">
            {r}
          </li>
        ))}
        {info.row.original.roleCount > info.getValue().length && (
          <li className="text-xs text-slate-500">+{info.row.original.roleCount - info.getValue().length} more</li>
        )}
        <li className="rounded-full bg-slate-50 px-2 py-0.5 text-xs text-slate-500">Internal/everyone</li>
      </ul>
    ),
  }),
  column.display({
    id: "actions",
    header: "Actions",
    cell: (info) => <ActionsCell user={info.row.original} deleteAction={info.table.options.meta!.deleteAction} />,
  }),
]);

export const userColumns = { selectable: [selectColumn, ...dataColumns], plain: dataColumns };
