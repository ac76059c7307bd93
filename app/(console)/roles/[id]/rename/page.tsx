import type { Metadata } from "next";
import { roleRenamePageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { RoleHeader } from "@/components/roles/RoleHeader";
import { ActionForm, FormField } from "@/components/ui/ActionForm";
import { renameRoleAction } from "../actions";

export const metadata: Metadata = { title: "Rename role" };

export default async function RenameRolePage({ params }: { params: Promise<{ id: string }> }) {
  const { role, actions } = (await loadPage(roleRenamePageQuery, await params)).data;
  return (
    <>
      <RoleHeader role={role} actions={actions} current="rename" />
      <ActionForm action={renameRoleAction} submitLabel="Rename" hidden={{ id: String(role.id), version: String(role.version) }}>
        <FormField
          label="New role name"
          name="name"
          defaultValue={role.name}
          required
          hint={`Stays in ${role.domain}. Members, permissions and API scope mappings follow the new name.`}
        />
      </ActionForm>
    </>
  );
}
