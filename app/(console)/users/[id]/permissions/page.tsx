import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userPermissionsPageQuery } from "@/lib/users/queries";
import { UserHeader } from "@/components/users/UserHeader";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { PermissionPicker } from "@/components/permissions/PermissionPicker";

export const metadata: Metadata = { title: "User permissions" };

export default async function UserPermissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { principal, data } = await loadPage(userPermissionsPageQuery, { ...(await searchParams), id: (await params).id });
  const { user, tabs, check, answer, effective } = data;
  return (
    <>
      <UserHeader user={user} tabs={tabs} current="permissions" />
      <section aria-labelledby="can-do" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="can-do" className="font-semibold">
          Can this user do…?
        </h2>
        <form method="get" className="mt-3 flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-64">
            <PermissionPicker name="check" label="Permission" defaultValue={check} superTenant={principal.superTenant} />
          </div>
          <Button type="submit" variant="secondary">
            Check
          </Button>
        </form>
        {answer && (
          <div className="mt-3" data-testid="can-do-answer">
            <Alert tone={answer.allowed ? "success" : "warning"} title={answer.allowed ? "Yes" : "No"}>
              {answer.reason}
            </Alert>
          </div>
        )}
      </section>
      <section aria-labelledby="effective" className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="effective" className="font-semibold">
          Effective permissions
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every permission this user holds, and the roles that grant it. Granting a node grants everything below it.
        </p>
        {effective.length === 0 ? (
          <p className="mt-3 text-slate-600">None: this user cannot even sign in.</p>
        ) : (
          <table className="mt-3 min-w-full text-sm" data-testid="effective-permissions">
            <caption className="sr-only">Effective permissions</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 pr-4">
                  Permission
                </th>
                <th scope="col" className="py-1">
                  Granted by
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {effective.map((p) => (
                <tr key={p.path}>
                  <td className="py-1 pr-4" style={{ paddingLeft: `${p.depth * 0.75}rem` }}>
                    {p.name} <code className="text-xs text-slate-500">{p.path}</code>
                  </td>
                  <td className="py-1">{[...new Set(p.grantedBy.map((g) => g.role))].join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
