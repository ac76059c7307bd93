import type { Metadata } from "next";
import { tenantQuery } from "@/lib/tenants/queries";
import { loadPage } from "@/lib/transport/command-page";
import { requirePage } from "@/lib/transport/guard";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { TenantContactForm } from "@/components/tenants/TenantContactForm";
import { updateTenantContactAction } from "../../actions";

export const metadata: Metadata = { title: "Edit Tenant Contact Details" };

export default async function EditTenantPage({ params }: { params: Promise<{ id: string }> }) {
  // Reading a tenant needs tenants.view; this page is for those who may change it.
  await requirePage("tenants.manage");
  const tenant = (await loadPage(tenantQuery, await params)).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/tenants", label: "Tenants" }, { label: `Edit ${tenant.domain}` }]} />
      <PageHeader
        title={`Contact details of ${tenant.domain}`}
        description={`The tenant's own admin (${tenant.owners[0]?.username ?? "none"}) keeps their account; this changes the contact shown here.`}
      />
      <TenantContactForm action={updateTenantContactAction} tenant={tenant} />
    </>
  );
}
