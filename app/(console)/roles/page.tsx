import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/authz/decide";
import { rolesPageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { Button } from "@/components/ui/Button";
import { RolesTable } from "@/components/roles/RolesTable";
import { deleteRoleAction } from "./actions";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { principal, data } = await loadPage(rolesPageQuery, await searchParams);
  const { params, stores, rows } = data;
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
      <form
        method="get"
        role="search"
        aria-label="Roles"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search roles
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={params.q}
            placeholder="creator or Internal/*"
            className="mt-1 w-56 rounded-md border border-slate-300 px-3 py-2"
            aria-describedby="q-hint"
          />
          <p id="q-hint" className="mt-0.5 text-xs text-slate-500">
            Use * as a wildcard.
          </p>
        </div>
        <div>
          <label htmlFor="domain" className="block text-sm font-medium">
            Domain
          </label>
          <select
            id="domain"
            name="domain"
            defaultValue={params.domain ?? ""}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            <option value="">All domains</option>
            {stores.map((s) => (
              <option key={s.id} value={s.domain}>
                {s.domain}
                {s.readOnly ? " (Read-Only)" : ""}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <RolesTable
        rows={rows}
        url={{ state: urlState, paging: { kind: "keyset", next: data.next, prev: data.prev, shown: rows.length } }}
        deleteAction={deleteRoleAction}
        filtered={Boolean(params.q || params.domain)}
      />
    </>
  );
}
