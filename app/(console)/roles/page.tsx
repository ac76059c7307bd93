import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/authz/decide";
import { rolesPageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { RolesTable } from "@/components/roles/RolesTable";
import { deleteRoleAction } from "./actions";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { principal, data } = await loadPage(rolesPageQuery, await searchParams);
  const { params, stores, rows, total } = data;
  const urlState = { q: params.q, domain: params.domain, dir: params.dir, size: String(params.size) };
  return (
    <>
      <PageHeader
        title="Roles"
        description="Roles group permissions; users get permissions through their roles. Internal/everyone includes every user."
        actions={
          can(principal, "roles.create") && (
            <Link href="/roles/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Add New Role
            </Link>
          )
        }
      />
      <RolesTable
        rows={rows}
        url={{
          state: urlState,
          paging: { kind: "keyset", next: data.next, prev: data.prev, shown: rows.length, start: params.start, size: params.size, total },
        }}
        deleteAction={deleteRoleAction}
        filtered={Boolean(params.q || params.domain)}
        stores={stores.map((s) => ({ domain: s.domain, readOnly: s.readOnly }))}
      />
    </>
  );
}
