import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { can } from "@/lib/authz/decide";
import { countOf } from "@/lib/core/plural";
import { tenantsPageQuery } from "@/lib/tenants/queries";
import { loadPage } from "@/lib/transport/command-page";
import { ArrivalToast } from "@/components/ui/ArrivalToast";
import { PageHeader } from "@/components/ui/PageHeader";
import { TenantsTable } from "@/components/tenants/TenantsTable";
import { setTenantActiveAction } from "./actions";

export const metadata: Metadata = { title: "Tenants" };

const ZDeletedCounts = z.object({
  users: z.string().regex(/^\d+$/).transform(Number),
  roles: z.string().regex(/^\d+$/).transform(Number),
});

/** The toast for the actions' redirects: `?added=`, `?saved=`, `?deleted=DOMAIN&users=N&roles=M`. */
function arrivalMessage(params: Record<string, string>): string | null {
  if (params.added) return `Tenant ${params.added} added.`;
  if (params.saved) return `Contact details of ${params.saved} saved.`;
  if (!params.deleted) return null;
  const counts = ZDeletedCounts.safeParse(params);
  if (!counts.success) return `Tenant ${params.deleted} deleted.`;
  return `Tenant ${params.deleted} deleted (${countOf(counts.data.users, "user")}, ${countOf(counts.data.roles, "role")} removed).`;
}

export default async function TenantsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const raw = await searchParams;
  const { principal, data } = await loadPage(tenantsPageQuery, raw);
  const { params, rows } = data;
  const manage = can(principal, "tenants.manage");
  const done = arrivalMessage(raw);
  return (
    <>
      <PageHeader
        title="Tenants"
        description="Tenants of this server, each with its own admin, users, roles and user stores. Only the super tenant manages them."
        actions={
          manage && (
            <Link href="/tenants/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Add New Tenant
            </Link>
          )
        }
      />
      {done && <ArrivalToast message={done} params={["added", "saved", "deleted", "users", "roles"]} />}
      <TenantsTable
        rows={rows.map((t) => ({
          id: t.id,
          domain: t.domain,
          active: t.active,
          admin: t.owners[0]?.username ?? "",
          email: t.email,
          created: t.createdAt.toISOString(),
        }))}
        url={{
          state: { q: params.q, sort: params.sort, dir: params.dir, size: String(params.size) },
          sort: { by: params.sort, dir: params.dir },
          paging: {
            kind: "offset",
            page: params.page,
            size: params.size,
            hasNext: data.hasNext,
            shown: rows.length,
            total: { count: data.total, kind: "exact" },
          },
        }}
        setActive={manage ? setTenantActiveAction : undefined}
        filtered={Boolean(params.q)}
        canCreate={manage}
      />
    </>
  );
}
