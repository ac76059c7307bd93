import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { loadRolePage } from "@/lib/roles/load-role-page";
import { getConfig } from "@/lib/config/current";
import { PRIMARY, qualifiedName } from "@/lib/core/domains";
import { findUserByName } from "@/lib/user-stores/find-user";
import { RoleHeader } from "@/components/roles/RoleHeader";
import { RoleMembersEditor } from "@/components/roles/RoleMembersEditor";
import { previewMembersAction, setMembersAction } from "../actions";

export const metadata: Metadata = { title: "Assign Users" };

export default async function AssignUsersPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, role, actions } = await loadRolePage((await params).id, "roles.update", "assignUsers");
  const superAdmin =
    role.kind === "admin" ? await findUserByName(db(), principal.tenantId, qualifiedName(PRIMARY, getConfig().super_admin.username)) : null;
  return (
    <>
      <RoleHeader role={role} actions={actions} current="assignUsers" />
      <RoleMembersEditor
        key={role.version}
        id={role.id}
        version={role.version}
        protectedIds={superAdmin ? [superAdmin.id] : []}
        preview={previewMembersAction}
        save={setMembersAction}
      />
    </>
  );
}
