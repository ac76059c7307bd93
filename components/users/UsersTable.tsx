"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import { createContext, useContext } from "react";
import type { ActionState } from "@/lib/core/action-state";
import type { UserAction } from "@/lib/users/user-rules";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { DataTable, plainFeatures } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { useSelection } from "@/components/ui/useSelection";
import { BulkBar } from "./BulkBar";

export type UserRowView = {
  id: number;
  version: number;
  username: string;
  domain: string;
  readOnly: boolean;
  roles: string[];
  roleCount: number;
  self: boolean;
  actions: UserAction[];
};

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Sort = { by: "username" | "domain"; dir: "asc" | "desc"; usernameHref: string; domainHref: string };
type TableContext = { deleteAction: Action; selection: ReturnType<typeof useSelection>; sort: Sort; selectable: boolean };
const Ctx = createContext<TableContext>(null as never);

const link = "text-brand-700 underline-offset-2 hover:underline";
const displayName = (u: UserRowView) => (u.domain === "PRIMARY" ? u.username : `${u.domain}/${u.username}`);

function SortHeader({ column, label }: { column: "username" | "domain"; label: string }) {
  const { sort } = useContext(Ctx);
  const active = sort.by === column;
  return (
    <Link href={column === "username" ? sort.usernameHref : sort.domainHref} className="inline-flex items-center gap-1 hover:underline" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}>
      {label}
      <span aria-hidden="true">{active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      <span className="sr-only">{active ? `, sorted ${sort.dir === "asc" ? "ascending" : "descending"}; activate to reverse` : ", activate to sort"}</span>
    </Link>
  );
}

function SelectCell({ user }: { user: UserRowView }) {
  const { selection } = useContext(Ctx);
  return (
    <input
      type="checkbox"
      aria-label={`Select ${displayName(user)}`}
      checked={String(user.id) in selection.selected}
      onChange={(e) => selection.toggle(String(user.id), displayName(user), e.target.checked)}
    />
  );
}

function ActionsCell({ user }: { user: UserRowView }) {
  const { deleteAction } = useContext(Ctx);
  const has = (a: UserAction) => user.actions.includes(a);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      {has("password") && <Link className={link} href={`/users/${user.id}/password`}>Change Password</Link>}
      {has("roles") && <Link className={link} href={`/users/${user.id}/roles`}>Assign Roles</Link>}
      {has("viewRoles") && <Link className={link} href={`/users/${user.id}`}>View Roles</Link>}
      {has("profile") && <Link className={link} href={`/users/${user.id}/profile`}>User Profile</Link>}
      {has("delete") && (
        <ConfirmAction action={deleteAction} fields={{ id: String(user.id), version: String(user.version) }} label="Delete" title={`Delete ${displayName(user)}?`} confirmLabel="Delete user">
          The account, its roles and profile are removed and its sessions end. This cannot be undone.
        </ConfirmAction>
      )}
    </div>
  );
}

const column = createColumnHelper<typeof plainFeatures, UserRowView>();
const columns = column.columns([
  column.display({ id: "select", header: () => <span className="sr-only">Select</span>, cell: (info) => <SelectCell user={info.row.original} /> }),
  column.accessor("username", {
    header: () => <SortHeader column="username" label="Username" />,
    cell: (info) => (
      <Link href={`/users/${info.row.original.id}`} className="font-medium break-all hover:underline">
        {info.getValue()}
        {info.row.original.self && <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">you</span>}
      </Link>
    ),
  }),
  column.accessor("domain", {
    header: () => <SortHeader column="domain" label="Domain" />,
    cell: (info) => (
      <span>
        {info.getValue()}
        {info.row.original.readOnly && <span className="ml-1 text-slate-500">(Read-Only)</span>}
      </span>
    ),
  }),
  column.accessor("roles", {
    header: "Roles",
    cell: (info) => (
      <ul className="flex flex-wrap gap-1">
        {info.getValue().map((r) => <li key={r} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs break-all">{r}</li>)}
        {info.row.original.roleCount > info.getValue().length && <li className="text-xs text-slate-500">+{info.row.original.roleCount - info.getValue().length} more</li>}
        <li className="rounded-full bg-slate-50 px-2 py-0.5 text-xs text-slate-500">Internal/everyone</li>
      </ul>
    ),
  }),
  column.display({ id: "actions", header: "Actions", cell: (info) => <ActionsCell user={info.row.original} /> }),
]);

const columnsWithoutSelect = columns.filter((c) => c.id !== "select");

type Props = { rows: UserRowView[]; sort: Sort; bulk: { delete: boolean; assignRole: boolean }; deleteAction: Action; filtered: boolean };

export function UsersTable({ rows, sort, bulk, deleteAction, filtered }: Props) {
  const selection = useSelection("users");
  const selectable = bulk.delete || bulk.assignRole;
  return (
    <Ctx.Provider value={{ deleteAction, selection, sort, selectable }}>
      {selectable && <BulkBar selection={selection} can={bulk} />}
      <DataTable
        caption="Users"
        columns={selectable ? columns : columnsWithoutSelect}
        rows={rows}
        getRowId={(u) => String(u.id)}
        empty={
          <EmptyState title={filtered ? "No users match" : "No users yet"}>
            {filtered ? "Check the pattern: use * as a wildcard, e.g. adm* or *smith." : "Add the first user with Add New User."}
          </EmptyState>
        }
      />
    </Ctx.Provider>
  );
}
