"use client";

import { qualifiedName } from "@/lib/core/domains";
import type { UserAction } from "@/lib/authz/user-rules";
import { RowMenuButton } from "@/components/ui/table/row-actions";
import { SelectBox } from "@/components/ui/table/selection";
import { AccountBadges } from "./AccountBadges";
import type { UserRowView } from "./users-columns";

/** The actions a user's row may offer; each row's button lists the ones the viewer may use on it. */
const MENU_ACTIONS: UserAction[] = ["password", "roles", "profile", "delete"];

/**
 * The users table's rows, rendered from the rows' data by one client component: the page's RSC
 * payload then carries each row as ~200 bytes of data instead of its element tree (~1.6 kB), and
 * the server skips serializing and re-reading that tree (docs/performance.md, "Rows as data").
 * The HTML is what the server rendered before; the columns' headers stay in users-columns.tsx.
 */
export function UsersRows({ rows, selectable }: { rows: UserRowView[]; selectable: boolean }) {
  return rows.map((u) => {
    const label = qualifiedName(u.domain, u.username);
    const actions = MENU_ACTIONS.filter((a) => u.actions.includes(a));
    return (
      <tr key={u.id}>
        {selectable && (
          <td>
            <SelectBox id={String(u.id)} label={label} />
          </td>
        )}
        <td>
          <a href={`/users/${u.id}`} className="font-medium break-all hover:underline">
            {u.username}
            {u.self && <span className="ml-2 rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-800">you</span>}
          </a>{" "}
          <AccountBadges disabled={u.disabled} lockedUntil={u.lockedUntil} />
        </td>
        <td>
          {u.domain}
          {u.readOnly && <span className="ml-1 text-slate-500">(Read-Only)</span>}
        </td>
        <td>
          <ul className="chips">
            {u.roles.map((r) => (
              <li key={r}>{r}</li>
            ))}
            {u.roleCount > u.roles.length && <li className="more">+{u.roleCount - u.roles.length} more</li>}
            <li className="muted">Internal/everyone</li>
          </ul>
        </td>
        <td>
          <RowMenuButton name={label} actions={actions} values={{ id: String(u.id), version: String(u.version) }} />
        </td>
      </tr>
    );
  });
}
