import type { Metadata } from "next";
import { requirePage } from "@/lib/authz/guard";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/EmptyState";

export const metadata: Metadata = { title: "Role Permissions" };

export default async function RolePermissionsPage() {
  await requirePage("scopes.manage");
  return (
    <>
      <PageHeader title="Scope Assignments" description="Which roles may use which API scopes." />
      <EmptyState title="Scope assignments are not built yet">They arrive with issue #4 (Settings &gt; Role Permissions).</EmptyState>
    </>
  );
}
