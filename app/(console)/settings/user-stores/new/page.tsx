import type { Metadata } from "next";
import { newStorePageQuery } from "@/lib/store-management/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { StoreForm } from "@/components/stores/StoreForm";
import { addStoreAction, testStoreFormAction } from "../actions";

export const metadata: Metadata = { title: "Add User Store" };

export default async function NewUserStorePage() {
  await loadPage(newStorePageQuery, {});
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/user-stores", label: "User Stores" }, { label: "Add User Store" }]} />
      <PageHeader title="Add User Store" description="Test the connection before you add it; secrets are sealed and never shown again." />
      <StoreForm save={addStoreAction} test={testStoreFormAction} />
    </>
  );
}
