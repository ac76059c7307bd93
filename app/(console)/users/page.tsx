import type { Metadata } from "next";
import { requirePage } from "@/lib/authz/guard";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/EmptyState";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePage("users.list");
  return (
    <>
      <PageHeader title="Users" description="Search, add and manage the users of every user store." />
      <EmptyState title="The user list is not built yet">It arrives with issue #3 (Users and Roles).</EmptyState>
    </>
  );
}
