"use client";

import { DataTable } from "@/components/ui/DataTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { UrlPager } from "@/components/ui/table/UrlPager";
import type { Paging, UrlState } from "@/components/ui/table/url-state";
import { useUrlTable } from "@/components/ui/table/useUrlTable";
import { auditColumns, type AuditView } from "./audit-columns";

export type { AuditView } from "./audit-columns";

export function AuditTable({ rows, url }: { rows: AuditView[]; url: { state: UrlState; paging: Paging } }) {
  const urlTable = useUrlTable({ url: { path: "/audit", ...url }, columns: auditColumns, rows, getRowId: (e) => e.id, meta: {} });
  return (
    <>
      <DataTable caption="Audit events" urlTable={urlTable} empty={<EmptyState title="No events match">Try another filter.</EmptyState>} />
      <UrlPager path="/audit" state={url.state} paging={url.paging} />
    </>
  );
}
