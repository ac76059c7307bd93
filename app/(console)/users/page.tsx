import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/authz/decide";
import { loadPage } from "@/lib/transport/command-page";
import type { TUserListParams } from "@/lib/users/list-params";
import { usersPageQuery } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/PageHeader";
import { UsersTable } from "@/components/users/UsersTable";
import { deleteUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

/** The list's URL state as the pages' links carry it: every filter, the sort and the size; cursors are added per link. */
function urlState(p: TUserListParams) {
  return { q: p.q, domain: p.domain, claim: p.claim, value: p.value, sort: p.sort, dir: p.dir, size: String(p.size) };
}

/** The bulk hint names only what the viewer may do: a read-only viewer is not told to delete users. */
function bulkHint(assign: boolean, remove: boolean): string {
  if (assign && remove) return " Select users on any page to give them a role or delete them together.";
  if (assign) return " Select users on any page to give them a role together.";
  return remove ? " Select users on any page to delete them together." : "";
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { principal, data } = await loadPage(usersPageQuery, await searchParams);
  const { params, rows } = data;

  return (
    <>
      <PageHeader
        title="Users"
        description={`Users of every user store.${bulkHint(can(principal, "users.update"), can(principal, "users.delete"))}`}
        actions={
          can(principal, "users.create") && (
            <>
              <Link
                href="/users/import"
                className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50"
              >
                Import users
              </Link>
              <Link href="/users/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
                Add New User
              </Link>
            </>
          )
        }
      />
      <UsersTable
        rows={rows}
        url={{
          state: urlState(params),
          sort: { by: params.sort, dir: params.dir },
          paging: {
            kind: "keyset",
            next: data.next,
            prev: data.prev,
            shown: rows.length,
            start: params.start,
            size: params.size,
            total: data.total,
          },
        }}
        bulk={{ delete: can(principal, "users.delete"), assignRole: can(principal, "users.update") }}
        deleteAction={deleteUserAction}
        filtered={Boolean(params.q || params.domain || params.claim)}
        canCreate={can(principal, "users.create")}
        domains={data.domains}
        claims={data.claims}
      />
    </>
  );
}
