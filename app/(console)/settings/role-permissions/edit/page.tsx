import type { Metadata } from "next";
import { editScopeMappingPageQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { Alert } from "@/components/ui/Alert";
import { EditMapping } from "@/components/scopes/EditMapping";
import { updateScopeMappingAction } from "../actions";

export const metadata: Metadata = { title: "Edit role permission" };

export default async function EditScopeMappingPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { mapping, version, scopes } = (await loadPage(editScopeMappingPageQuery, await searchParams)).data;
  const mode = mapping.aliasOf.length > 0 && mapping.scopes.length === 0 ? "alias" : "custom";
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/role-permissions", label: "Scope Assignments" }, { label: `Edit ${mapping.role.name}` }]} />
      <PageHeader title={`Edit role permission: ${mapping.role.name}`} description="The role's mapping becomes exactly what you save." />
      {mapping.role.kind === "admin" ? (
        <Alert tone="info">The admin role stays on every scope; its mapping cannot be edited.</Alert>
      ) : (
        <EditMapping
          role={mapping.role.name}
          version={version}
          initial={{ mode, targets: mapping.aliasOf, scopes: mapping.scopes.map((s) => s.name) }}
          scopes={scopes.map(({ name, description, tag }) => ({ name, description, tag }))}
          save={updateScopeMappingAction}
        />
      )}
    </>
  );
}
