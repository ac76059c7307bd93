import type { Metadata } from "next";
import { ArrivalToast } from "@/components/ui/ArrivalToast";
import { rolePageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { UrlPager } from "@/components/ui/table/UrlPager";
import { EmptyState } from "@/components/ui/EmptyState";
import { PermissionTree } from "@/components/permissions/PermissionTree";
import { RoleHeader } from "@/components/roles/RoleHeader";
import { RoleMemberSearch } from "@/components/roles/RoleMemberSearch";

export const metadata: Metadata = { title: "Role" };

export default async function RolePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const query = await searchParams;
  const { principal, data } = await loadPage(rolePageQuery, { ...query, ...(await params) });
  const { role, actions, blocker, q, start, members, total } = data;
  return (
    <>
      <RoleHeader role={role} actions={actions} current="viewUsers" />
      {query.created && <ArrivalToast message={`Role ${role.qualified} added.`} params={["created"]} />}
      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="members">
          <h2 id="members" className="mb-2 font-semibold">
            Users
          </h2>
          {!members ? (
            <EmptyState title="No member list">{blocker}</EmptyState>
          ) : (
            <>
              <RoleMemberSearch path={`/roles/${role.id}`} q={q || undefined} />
              {members.rows.length === 0 ? (
                <EmptyState title={q ? "No members match" : "No members yet"}>
                  {actions.includes("assignUsers") ? "Add some with Assign Users." : null}
                </EmptyState>
              ) : (
                <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="role-members">
                  {members.rows.map((m) => (
                    <li key={m.id} className="px-4 py-2 break-all">
                      {m.qualified}
                      {m.readOnly && <span className="ml-1 text-slate-500">(Read-Only)</span>}
                    </li>
                  ))}
                </ul>
              )}
              <UrlPager
                path={`/roles/${role.id}`}
                state={{ q: q || undefined }}
                paging={{
                  kind: "keyset",
                  next: members.next,
                  prev: members.prev,
                  shown: members.rows.length,
                  start: start ?? 1,
                  size: 25,
                  total,
                }}
              />
            </>
          )}
        </section>
        <section aria-labelledby="permissions">
          <h2 id="permissions" className="mb-2 font-semibold">
            Permissions
          </h2>
          <PermissionTree value={role.grants} superTenant={principal.superTenant} label={`Permissions of ${role.qualified}`} />
        </section>
      </div>
    </>
  );
}
