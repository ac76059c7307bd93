"use client";

import { formatUtc } from "@/lib/format";
import { RowMenuButton } from "@/components/ui/table/row-actions";
import type { TenantRowView } from "./tenants-columns";

function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">Active</span>
  ) : (
    <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800">Inactive</span>
  );
}

/**
 * The tenants table's rows, rendered from the rows' data by one client component, so the page's
 * RSC payload carries the data once instead of each row's element tree (as UsersRows). Without
 * `canManage` the rows have no menu.
 */
export function TenantsRows({ rows, canManage }: { rows: TenantRowView[]; canManage: boolean }) {
  return rows.map((t) => (
    <tr key={t.id}>
      <td>
        <span className="font-medium break-all">{t.domain}</span>
      </td>
      <td>
        <StatusBadge active={t.active} />
      </td>
      <td>
        <span className="break-all">{t.admin}</span>
      </td>
      <td>
        <span className="break-all">{t.email}</span>
      </td>
      <td>
        <span className="whitespace-nowrap">{formatUtc(new Date(t.created))}</span>
      </td>
      <td>
        {canManage && (
          <RowMenuButton
            name={t.domain}
            actions={[t.active ? "deactivate" : "activate", "edit", ...(t.active ? [] : ["delete"])]}
            values={{ id: String(t.id) }}
          />
        )}
      </td>
    </tr>
  ));
}
