import type { Metadata } from "next";
import { newRolePageQuery } from "@/lib/roles/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewRoleWizard } from "@/components/roles/NewRoleWizard";
import { checkRoleNameAction, createRoleAction } from "../actions";

export const metadata: Metadata = { title: "Add New Role" };

export default async function NewRolePage() {
  const { principal, data } = await loadPage(newRolePageQuery, {});
  return (
    <>
      <Breadcrumbs trail={[{ href: "/roles", label: "Roles" }, { label: "Add New Role" }]} />
      <PageHeader title="Add New Role" description="You can only grant permissions you hold yourself." />
      <NewRoleWizard
        action={createRoleAction}
        checkName={checkRoleNameAction}
        domains={data.domains}
        grantable={principal.grants}
        superTenant={principal.superTenant}
      />
    </>
  );
}
