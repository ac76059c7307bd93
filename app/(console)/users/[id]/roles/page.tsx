import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userRolesPageQuery } from "@/lib/users/queries";
import { UserHeader } from "@/components/users/UserHeader";
import { UserRolesEditor } from "@/components/users/UserRolesEditor";
import { previewUserRolesAction, setUserRolesAction } from "../actions";

export const metadata: Metadata = { title: "User roles" };

export default async function UserRolesPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, summary, tabs, editable, roles } = (await loadPage(userRolesPageQuery, { id: (await params).id })).data;
  return (
    <>
      <UserHeader user={summary} tabs={tabs} current="roles" />
      {editable ? (
        // Keyed on the version: after a save the editor starts again from the saved state.
        <UserRolesEditor
          key={user.version}
          userId={user.id}
          version={user.version}
          roles={roles}
          preview={previewUserRolesAction}
          save={setUserRolesAction}
        />
      ) : (
        <section aria-labelledby="roles" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="roles" className="font-semibold">
            Roles
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2" data-testid="user-roles">
            {roles.map((r) => (
              <li key={r.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm break-all">
                {r.qualified}
              </li>
            ))}
            <li className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-700">Internal/everyone</li>
          </ul>
        </section>
      )}
    </>
  );
}
