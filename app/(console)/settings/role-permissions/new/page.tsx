import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/transport/guard";
import { db } from "@/lib/db/client";
import { listScopes } from "@/lib/scopes/list-scopes";
import { PageHeader } from "@/components/ui/PageHeader";
import { AddMappingWizard } from "@/components/scopes/AddMappingWizard";
import { checkMappingRoleAction, createMappingAction } from "../actions";

export const metadata: Metadata = { title: "Add role permission" };

export default async function NewMappingPage() {
  const principal = await requirePage("scopes.manage");
  const { scopes } = await listScopes(db(), principal.tenantId);
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
        create={createMappingAction}
        scopes={scopes.map(({ name, description, tag }) => ({ name, description, tag }))}
      />
    </>
  );
}
