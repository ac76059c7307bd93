import type { Metadata } from "next";
import Link from "next/link";
import { newStorePageQuery } from "@/lib/store-management/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";
import { StoreForm } from "@/components/stores/StoreForm";
import { addStoreAction, testStoreFormAction } from "../actions";

export const metadata: Metadata = { title: "Add User Store" };

export default async function NewUserStorePage() {
  await loadPage(newStorePageQuery, {});
  return (
    <>
      <p className="text-sm">
        <Link href="/settings/user-stores" className="text-brand-700 hover:underline">
          User Stores
        </Link>{" "}
        /
      </p>
      <PageHeader title="Add User Store" description="Test the connection before you add it; secrets are sealed and never shown again." />
      <StoreForm save={addStoreAction} test={testStoreFormAction} />
    </>
  );
}
