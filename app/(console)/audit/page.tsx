import type { Metadata } from "next";
import { z } from "zod";
import { requirePage } from "@/lib/transport/guard";
import { AUDIT_CATEGORIES } from "@/lib/audit/actions";
import { listAuditEvents } from "@/lib/audit/list-audit";
import { db } from "@/lib/db/client";
import { formatUtc } from "@/lib/format";
import { ZPageParams } from "@/lib/paging";
import { PageHeader } from "@/components/ui/PageHeader";
import { AuditTable } from "@/components/audit/AuditTable";
import { Button } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Audit log" };

const ZCategory = z.enum(Object.keys(AUDIT_CATEGORIES) as [keyof typeof AUDIT_CATEGORIES]).catch("");

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const principal = await requirePage("audit.read");
  const raw = await searchParams;
  const params = ZPageParams.parse(raw);
  const action = ZCategory.parse(raw.action);
  const page = await listAuditEvents(db(), principal.tenantId, { ...params, action: action || undefined });
  const rows = page.rows.map((e) => ({ ...e, id: String(e.id), at: formatUtc(e.at) }));
  return (
    <>
      <PageHeader title="Audit log" description="Every sign-in, sign-out and change, with who did it and what it was before and after." />
      <form method="get" className="mb-4 flex items-end gap-2">
        <div>
          <label htmlFor="action" className="block text-sm font-medium">
            Show
          </label>
          <select id="action" name="action" defaultValue={action} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
            {Object.entries(AUDIT_CATEGORIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <AuditTable
        rows={rows}
        url={{
          state: { action: action || undefined },
          paging: { kind: "offset", page: page.page, size: page.size, hasNext: page.hasNext },
        }}
      />
    </>
  );
}
