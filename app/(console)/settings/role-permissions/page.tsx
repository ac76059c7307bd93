import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/transport/guard";
import { db } from "@/lib/db/client";
import { listRoleMappings, ZRoleMappingParams } from "@/lib/scopes/list-role-mappings";
import { PageHeader } from "@/components/ui/PageHeader";
import { RoleMappingsTable } from "@/components/scopes/RoleMappingsTable";
import { deleteMappingAction } from "./actions";

export const metadata: Metadata = { title: "Role Permissions" };

const secondary = "rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100";

export default async function RolePermissionsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const principal = await requirePage("scopes.manage");
  const params = ZRoleMappingParams.parse(await searchParams);
  const { version, page } = await listRoleMappings(db(), principal.tenantId, params);
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
      <RoleMappingsTable
        rows={page.rows}
        url={{ state: { q: params.q }, paging: { kind: "offset", page: page.page, size: page.size, hasNext: page.hasNext } }}
        version={version}
        remove={deleteMappingAction}
        filtered={Boolean(params.q)}
      />
    </>
  );
}
