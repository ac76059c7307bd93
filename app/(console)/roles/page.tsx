import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/transport/guard";
import { can } from "@/lib/authz/decide";
import { db } from "@/lib/db/client";
import { listRoles } from "@/lib/roles/list-roles";
import { ZRoleListParams } from "@/lib/roles/list-params";
import { allowedRoleActions } from "@/lib/roles/role-rules";
import { listStores } from "@/lib/stores/list-stores";
import { PageHeader } from "@/components/ui/PageHeader";
import { RolesTable } from "@/components/roles/RolesTable";
import { deleteRoleAction } from "./actions";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const principal = await requirePage("roles.list");
  const params = ZRoleListParams.parse(await searchParams);
  const stores = await listStores(db(), principal.tenantId);
  const store = params.domain ? stores.find((s) => s.domain.toUpperCase() === params.domain!.toUpperCase()) : undefined;
  const page =
    params.domain && !store
      ? { rows: [], next: null, prev: null }
      : await listRoles(db(), principal.tenantId, {
          pattern: params.q,
          storeId: store?.id,
          dir: params.dir,
          size: params.size,
          after: params.after,
          before: params.before,
        });
  const rows = page.rows.map((r) => ({ ...r, permissionCount: r.grants.length, actions: allowedRoleActions(principal, r) }));
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
        url={{ state: urlState, paging: { kind: "keyset", next: page.next, prev: page.prev, shown: rows.length } }}
        deleteAction={deleteRoleAction}
        filtered={Boolean(params.q || params.domain)}
        stores={stores.map((s) => ({ domain: s.domain, readOnly: s.readOnly }))}
      />
    </>
  );
}
