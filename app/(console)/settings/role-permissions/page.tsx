import type { Metadata } from "next";
import Link from "next/link";
import { scopeMappingsPageQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { ScopeMappingsTable } from "@/components/scopes/ScopeMappingsTable";
import { deleteScopeMappingAction } from "./actions";

export const metadata: Metadata = { title: "Role Permissions" };

const secondary = "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100";

export default async function ScopeMappingsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { params, version, page } = (await loadPage(scopeMappingsPageQuery, await searchParams)).data;
  return (
    <>
      <PageHeader
        title="Scope Assignments"
        description="Which roles may use which API scopes. A role alias gets every scope of the roles it maps to."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/settings/role-permissions/matrix" className={secondary}>
              Scope matrix
            </Link>
            <Link href="/settings/role-permissions/tenant-conf" className={secondary}>
              Import / export
            </Link>
            <Link
              href="/settings/role-permissions/new"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              Add role permission
            </Link>
          </div>
        }
      />
      <ScopeMappingsTable
        rows={page.rows}
        url={{ state: { q: params.q }, paging: { kind: "offset", page: page.page, size: page.size, hasNext: page.hasNext } }}
        version={version}
        remove={deleteScopeMappingAction}
        filtered={Boolean(params.q)}
      />
    </>
  );
}
