import type { Metadata } from "next";
import { scopesQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { AddMappingWizard } from "@/components/scopes/AddMappingWizard";
import { checkMappingRoleAction, createScopeMappingAction } from "../actions";

export const metadata: Metadata = { title: "Add role permission" };

export default async function NewScopeMappingPage() {
  const { scopes } = (await loadPage(scopesQuery, {})).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/role-permissions", label: "Scope Assignments" }, { label: "Add role permission" }]} />
      <PageHeader title="Add role permission" description="Map a role to other roles, or to a custom set of API scopes." />
      <AddMappingWizard
        check={checkMappingRoleAction}
        create={createScopeMappingAction}
        scopes={scopes.map(({ name, description, tag }) => ({ name, description, tag }))}
      />
    </>
  );
}
