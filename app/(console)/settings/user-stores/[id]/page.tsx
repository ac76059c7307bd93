import type { Metadata } from "next";
import { editStorePageQuery } from "@/lib/store-management/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { StoreForm } from "@/components/stores/StoreForm";
import { editStoreAction, testStoreFormAction } from "../actions";

export const metadata: Metadata = { title: "Edit User Store" };

export default async function EditUserStorePage({ params }: { params: Promise<{ id: string }> }) {
  const { data: store } = await loadPage(editStorePageQuery, await params);
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/user-stores", label: "User Stores" }, { label: `Edit ${store.domain}` }]} />
      <PageHeader title={`Edit ${store.domain}`} description="The domain and type stay. A blank password keeps the stored one." />
      <StoreForm save={editStoreAction} test={testStoreFormAction} initial={store} />
    </>
  );
}
