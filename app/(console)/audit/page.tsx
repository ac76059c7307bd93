import type { Metadata } from "next";
import type { z } from "zod";
import { auditPageQuery, type ZAuditPageParams } from "@/lib/audit/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { AuditTable } from "@/components/audit/AuditTable";

export const metadata: Metadata = { title: "Audit log" };

/** The URL state every link of the page carries: the filters and the size; cursors and position are added per link. */
function urlState(p: z.infer<typeof ZAuditPageParams>) {
  const { action, actor, target, outcome, since, until, q, size } = p;
  const tz = since || until ? String(p.tz) : undefined;
  return { q, actor, target, action, outcome, since, until, tz, size: String(size) };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { params, rows, next, prev, total, filtered } = (await loadPage(auditPageQuery, await searchParams)).data;
  return (
    <>
      <PageHeader title="Audit log" description="Every sign-in, sign-out and change, with who did it and what it was before and after." />
      <AuditTable
        rows={rows}
        filtered={filtered}
        url={{
          state: urlState(params),
          paging: { kind: "keyset", next, prev, shown: rows.length, start: params.start, size: params.size, total },
        }}
      />
    </>
  );
}
