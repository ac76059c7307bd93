import type { Metadata } from "next";
import { requirePage } from "@/lib/authz/guard";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/EmptyState";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  await requirePage("roles.list");
  return (
    <>
      <PageHeader title="Roles" description="Roles group permissions; users get permissions through their roles." />
      <EmptyState title="The role list is not built yet">It arrives with issue #3 (Users and Roles).</EmptyState>
    </>
  );
}
