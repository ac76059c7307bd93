import type { Metadata } from "next";
import { newTenantPageQuery } from "@/lib/tenants/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewTenantForm } from "@/components/tenants/NewTenantForm";
import { createTenantAction } from "../actions";

export const metadata: Metadata = { title: "Add New Tenant" };

export default async function NewTenantPage() {
  const { policy, emailUsernames } = (await loadPage(newTenantPageQuery, {})).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/tenants", label: "Tenants" }, { label: "Add New Tenant" }]} />
      <PageHeader
        title="Add New Tenant"
        description="The tenant starts with its own admin role and admin user, the default roles and the default API scope mapping."
      />
      <NewTenantForm action={createTenantAction} policy={policy} emailUsernames={emailUsernames} />
    </>
  );
}
