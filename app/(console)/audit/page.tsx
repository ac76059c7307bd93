import type { Metadata } from "next";
import { AUDIT_CATEGORIES } from "@/lib/audit/actions";
import { auditPageQuery } from "@/lib/audit/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { AuditTable } from "@/components/audit/AuditTable";
import { Button } from "@/components/ui/Button";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { action, rows, ...page } = (await loadPage(auditPageQuery, await searchParams)).data;
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
