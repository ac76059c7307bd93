import type { Metadata } from "next";
import { requirePage } from "@/lib/transport/guard";
import { db } from "@/lib/db/client";
import { getScopeMatrix } from "@/lib/scopes/list-scopes";
import { RolePermissionsLinks } from "@/components/scopes/RolePermissionsLinks";
import { PageHeader } from "@/components/ui/PageHeader";
import { ScopeMatrix } from "@/components/scopes/ScopeMatrix";
import { findMatrixRoleAction, previewMatrixAction, saveMatrixAction } from "./actions";

export const metadata: Metadata = { title: "Scope matrix" };

export default async function ScopeMatrixPage() {
  const principal = await requirePage("scopes.manage");
  const matrix = await getScopeMatrix(db(), principal.tenantId);
  return (
    <>
      <PageHeader
        title="Scope matrix"
        description="Every API scope against every role on one. Tick and untick, review what each role gains and loses, then save."
        actions={<RolePermissionsLinks current="/settings/role-permissions/matrix" />}
      />
      <ScopeMatrix
        key={matrix.version}
        version={matrix.version}
        scopes={matrix.scopes}
        roles={matrix.roles}
        preview={previewMatrixAction}
        save={saveMatrixAction}
        findRole={findMatrixRoleAction}
      />
    </>
  );
}
