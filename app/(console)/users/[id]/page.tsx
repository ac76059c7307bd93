import type { Metadata } from "next";
import { formatUtc } from "@/lib/format";
import { loadPage } from "@/lib/transport/command-page";
import { claimLabel } from "@/lib/users/claims";
import { userPageQuery } from "@/lib/users/queries";
import { UserHeader } from "@/components/users/UserHeader";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { PermissionPicker } from "@/components/permissions/PermissionPicker";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { data } = await loadPage(userPageQuery, { ...(await searchParams), id: (await params).id });
  const { user, actions, check, created, answer, effective } = data;

  return (
    <>
      <UserHeader user={user} actions={actions} current="viewRoles" />
      {created && (
        <div className="mb-4">
          <Alert tone="success">User {user.qualified} added.</Alert>
        </div>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="roles" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="roles" className="font-semibold">
            Roles
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2" data-testid="user-roles">
            {user.roles.map((r) => (
              <li key={r.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm break-all">
                {r.qualified}
              </li>
            ))}
            <li className="rounded-full bg-slate-50 px-3 py-1 text-sm text-slate-500">Internal/everyone</li>
          </ul>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Created</dt>
            <dd>{formatUtc(user.createdAt)}</dd>
            <dt className="text-slate-500">Locked</dt>
            <dd>{user.lockedUntil && user.lockedUntil > new Date() ? `until ${formatUtc(user.lockedUntil)}` : "no"}</dd>
            {Object.entries(user.claims).map(([uri, value]) => (
              <div key={uri} className="contents">
                <dt className="text-slate-500">{claimLabel(uri)}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="can-do" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="can-do" className="font-semibold">
            Can this user do…?
          </h2>
          <form method="get" className="mt-3 flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1 basis-64">
              <PermissionPicker name="check" label="Permission" defaultValue={check} />
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
      </div>
      <section aria-labelledby="effective" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
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
