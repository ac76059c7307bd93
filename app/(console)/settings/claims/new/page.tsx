import type { Metadata } from "next";
import { newClaimPageQuery } from "@/lib/claims/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { ClaimForm } from "@/components/claims/ClaimForm";
import { addClaimAction } from "../actions";

export const metadata: Metadata = { title: "Add Claim" };

export default async function NewClaimPage() {
  const { data } = await loadPage(newClaimPageQuery, {});
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/claims", label: "Claims" }, { label: "Add Claim" }]} />
      <PageHeader title="Add Claim" description="A custom claim in the local dialect, for every user of this tenant." />
      <ClaimForm action={addClaimAction} stores={data.stores} />
    </>
  );
}
