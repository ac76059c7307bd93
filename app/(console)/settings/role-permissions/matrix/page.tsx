import type { Metadata } from "next";
import { scopeMatrixQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { ScopeMappingsLinks } from "@/components/scopes/ScopeMappingsLinks";
import { PageHeader } from "@/components/ui/PageHeader";
import { ScopeMatrix } from "@/components/scopes/ScopeMatrix";
import { findMatrixRoleAction, previewMatrixAction, saveMatrixAction } from "./actions";

export const metadata: Metadata = { title: "Scope matrix" };

export default async function ScopeMatrixPage() {
  const matrix = (await loadPage(scopeMatrixQuery, {})).data;
  return (
    <>
      <PageHeader
        title="Scope matrix"
        description="Every API scope against every role on one. Tick and untick, review what each role gains and loses, then save."
        actions={<ScopeMappingsLinks current="/settings/role-permissions/matrix" />}
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
