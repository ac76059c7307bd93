import type { Metadata } from "next";
import { roleRuleBlocker } from "@/lib/roles/role-rules";
import { loadUserPage } from "@/lib/users/load-user-page";
import { isSuperAdminAccount } from "@/lib/config/super-admin";
import { UserHeader } from "@/components/users/UserHeader";
import { UserRolesEditor } from "@/components/users/UserRolesEditor";
import { previewUserRolesAction, setUserRolesAction } from "../actions";

export const metadata: Metadata = { title: "Assign Roles" };

export default async function AssignRolesPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, user, actions } = await loadUserPage((await params).id, "users.update", "roles");
  const roles = user.roles.map((r) => ({
    id: r.id,
    qualified: r.qualified,
    blocker:
      r.kind === "admin" && isSuperAdminAccount(user)
        ? "the admin account keeps the admin role"
        : roleRuleBlocker(principal, r, "assignUsers"),
  }));
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
