import type { Metadata } from "next";
import Link from "next/link";
import { tenantQuery } from "@/lib/tenants/queries";
import { loadPage } from "@/lib/transport/command-page";
import { requirePage } from "@/lib/transport/guard";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { TypedDeleteForm } from "@/components/ui/TypedDeleteForm";
import { deleteTenantAction } from "../../actions";

export const metadata: Metadata = { title: "Delete Tenant" };

export default async function DeleteTenantPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("tenants.manage");
  const tenant = (await loadPage(tenantQuery, await params)).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/tenants", label: "Tenants" }, { label: `Delete ${tenant.domain}` }]} />
      <PageHeader title={`Delete ${tenant.domain}`} />
      <div className="mb-6 max-w-2xl">
        <Alert tone="warning" title="What deleting this tenant does">
          Every user, role, user store, scope mapping, session and audit event of {tenant.domain} is removed, in one step. The super
          tenant&apos;s audit log keeps a record of the delete.
        </Alert>
      </div>
      {tenant.active ? (
        <Alert tone="error" title={`${tenant.domain} is active`}>
          Only a deactivated tenant can be deleted: deactivate it on the{" "}
          <Link href={`/tenants?q=${encodeURIComponent(tenant.domain)}`} className="underline">
            Tenants
          </Link>{" "}
          page first.
        </Alert>
      ) : (
        <TypedDeleteForm action={deleteTenantAction} domain={tenant.domain} hidden={{ id: String(tenant.id) }} />
      )}
    </>
  );
}
