import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userRolesPageQuery } from "@/lib/users/queries";
import { UserHeader } from "@/components/users/UserHeader";
import { UserRolesEditor } from "@/components/users/UserRolesEditor";
import { previewUserRolesAction, setUserRolesAction } from "../actions";

export const metadata: Metadata = { title: "Assign Roles" };

export default async function AssignRolesPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, actions, roles } = (await loadPage(userRolesPageQuery, { id: (await params).id })).data;
  return (
    <>
      <UserHeader user={user} actions={actions} current="roles" />
      {/* Keyed on the version: after a save the editor starts again from the saved state. */}
      <UserRolesEditor
        key={user.version}
        userId={user.id}
        version={user.version}
        roles={roles}
        preview={previewUserRolesAction}
        save={setUserRolesAction}
      />
    </>
  );
}
