import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/transport/guard";
import { can } from "@/lib/authz/decide";
import { db } from "@/lib/db/client";
import { holdsUsers, listStores } from "@/lib/stores/list-stores";
import { listUsers, withoutGrants } from "@/lib/users/list-users";
import { ZUserListParams, type TUserListParams } from "@/lib/users/list-params";
import { allowedUserActions } from "@/lib/users/user-rules";
import { PageHeader } from "@/components/ui/PageHeader";
import { UsersTable } from "@/components/users/UsersTable";
import { deleteUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

/** The list's URL state as the pages' links carry it: every filter, the sort and the size; cursors are added per link. */
function urlState(p: TUserListParams) {
  return { q: p.q, domain: p.domain, claim: p.claim, value: p.value, sort: p.sort, dir: p.dir, size: String(p.size) };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const principal = await requirePage("users.list");
  const params = ZUserListParams.parse(await searchParams);
  const stores = (await listStores(db(), principal.tenantId)).filter(holdsUsers);
  const store = params.domain ? stores.find((s) => s.domain.toUpperCase() === params.domain!.toUpperCase()) : undefined;
  const page =
    params.domain && !store
      ? { rows: [], next: null, prev: null }
      : await listUsers(db(), principal.tenantId, {
          pattern: params.q,
          storeId: store?.id,
          claim: params.claim,
          claimValue: params.value,
          sort: params.sort,
          dir: params.dir,
          size: params.size,
          after: params.after,
          before: params.before,
        });
  const rows = page.rows.map((u) => ({ ...withoutGrants(u), self: u.id === principal.userId, actions: allowedUserActions(principal, u) }));

  return (
    <>
      <PageHeader
        title="Users"
        description="Users of every user store. Select users on any page to give them a role or delete them together."
        actions={
          can(principal, "users.create") && (
            <Link href="/users/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Add New User
            </Link>
          )
        }
      />
      <UsersTable
        rows={rows}
        url={{
          state: urlState(params),
          sort: { by: params.sort, dir: params.dir },
          paging: { kind: "keyset", next: page.next, prev: page.prev, shown: rows.length },
        }}
        bulk={{ delete: can(principal, "users.delete"), assignRole: can(principal, "users.update") }}
        deleteAction={deleteUserAction}
        filtered={Boolean(params.q || params.domain || params.claim)}
        domains={stores.map((s) => s.domain)}
      />
    </>
  );
}
