import type { Metadata } from "next";
import Link from "next/link";
import { scopesQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { AddMappingWizard } from "@/components/scopes/AddMappingWizard";
import { checkMappingRoleAction, createScopeMappingAction } from "../actions";

export const metadata: Metadata = { title: "Add role permission" };

export default async function NewScopeMappingPage() {
  const { scopes } = (await loadPage(scopesQuery, {})).data;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/role-permissions" className="text-brand-700 hover:underline">
          Scope Assignments
        </Link>{" "}
        /
      </p>
      <PageHeader title="Add role permission" description="Map a role to other roles, or to a custom set of API scopes." />
      <AddMappingWizard
        check={checkMappingRoleAction}
        create={createScopeMappingAction}
        scopes={scopes.map(({ name, description, tag }) => ({ name, description, tag }))}
      />
    </>
  );
}
