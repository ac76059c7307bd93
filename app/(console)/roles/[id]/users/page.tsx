import type { Metadata } from "next";
import { roleMembersPageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { RoleHeader } from "@/components/roles/RoleHeader";
import { RoleMembersEditor } from "@/components/roles/RoleMembersEditor";
import { previewMembersAction, setMembersAction } from "../actions";

export const metadata: Metadata = { title: "Assign Users" };

export default async function AssignUsersPage({ params }: { params: Promise<{ id: string }> }) {
  const { role, actions, protectedIds } = (await loadPage(roleMembersPageQuery, await params)).data;
  return (
    <>
      <RoleHeader role={role} actions={actions} current="assignUsers" />
      <RoleMembersEditor
        key={role.version}
        id={role.id}
        version={role.version}
        protectedIds={protectedIds}
        preview={previewMembersAction}
        save={setMembersAction}
      />
    </>
  );
}
