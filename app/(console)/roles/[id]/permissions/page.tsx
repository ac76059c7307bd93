import type { Metadata } from "next";
import { rolePermissionsPageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { RoleHeader } from "@/components/roles/RoleHeader";
import { RolePermissionsEditor } from "@/components/roles/RolePermissionsEditor";
import { previewPermissionsAction, setPermissionsAction } from "../actions";

export const metadata: Metadata = { title: "Edit Permissions" };

export default async function EditPermissionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { principal, data } = await loadPage(rolePermissionsPageQuery, await params);
  const { role, actions } = data;
  return (
    <>
      <RoleHeader role={role} actions={actions} current="permissions" />
      <RolePermissionsEditor
        key={role.version}
        id={role.id}
        version={role.version}
        qualified={role.qualified}
        grants={[...role.grants]}
        grantable={principal.grants}
        superTenant={principal.superTenant}
        preview={previewPermissionsAction}
        save={setPermissionsAction}
      />
    </>
  );
}
