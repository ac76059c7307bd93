import type { Metadata } from "next";
import { editClaimPageQuery } from "@/lib/claims/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { ClaimForm } from "@/components/claims/ClaimForm";
import { editClaimAction } from "../actions";

export const metadata: Metadata = { title: "Edit Claim" };

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { claim, stores } = (await loadPage(editClaimPageQuery, await params)).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/claims", label: "Claims" }, { label: claim.displayName }]} />
      <PageHeader title={`Edit ${claim.displayName}`} />
      <ClaimForm action={editClaimAction} stores={stores} claim={claim} />
    </>
  );
}
