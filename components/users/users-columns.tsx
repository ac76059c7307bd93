import { createColumnHelper } from "@tanstack/table-core";
import { qualifiedName } from "@/lib/core/domains";
import type { UserListRow } from "@/lib/users/list-users";
import type { UserAction } from "@/lib/authz/user-rules";
import type { UrlTableFeatures } from "@/components/ui/table/features";
import { RowActions, RowConfirmButton, RowLink } from "@/components/ui/table/row-actions";
import { SelectBox } from "@/components/ui/table/selection";
import { AccountBadges } from "./AccountBadges";

/** A listed user as the browser gets it: without grants, with what the viewer may do to it. */
export type UserRowView = Omit<UserListRow, "isAdminMember" | "grants"> & { self: boolean; actions: UserAction[] };

type Features = UrlTableFeatures<object>;

export const userLabel = (u: UserRowView) => qualifiedName(u.domain, u.username);

/** The same for every user; the title names the user. */
export const DELETE_USER_BODY = "The account, its roles and profile are removed and its sessions end. This cannot be undone.";

function ActionsCell({ user }: { user: UserRowView }) {
  const has = (a: UserAction) => user.actions.includes(a);
  const name = userLabel(user);
  return (
    <RowActions>
      {has("password") && (
        <RowLink href={`/users/${user.id}/password`} name={`Change Password of ${name}`}>
          Change Password
        </RowLink>
      )}
      {has("roles") && (
        <RowLink href={`/users/${user.id}/roles`} name={`Assign Roles to ${name}`}>
          Assign Roles
        </RowLink>
      )}
      {has("viewRoles") && (
        <RowLink href={`/users/${user.id}`} name={`View Roles of ${name}`}>
          View Roles
        </RowLink>
      )}
      {has("profile") && (
        <RowLink href={`/users/${user.id}/profile`} name={`User Profile of ${name}`}>
          User Profile
        </RowLink>
      )}
      {has("delete") && <RowConfirmButton label="Delete" target={{ id: user.id, version: user.version, name }} />}
    </RowActions>
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

export const userColumns = { selectable: [selectColumn, ...dataColumns], plain: dataColumns };
