import type { Metadata } from "next";
import { editClaimPageQuery } from "@/lib/claims/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { ClaimForm } from "@/components/claims/ClaimForm";
import { editClaimAction } from "../actions";

export const metadata: Metadata = { title: "Edit Claim" };

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { claim, stores, patternUnenforced } = (await loadPage(editClaimPageQuery, await params)).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/claims", label: "Claims" }, { label: claim.displayName }]} />
      <PageHeader title={`Edit ${claim.displayName}`} />
      {patternUnenforced && (
        <div className="mb-6">
          <Alert tone="warning" title="This regular expression is not enforced">
            It uses syntax RE2 cannot run (lookaround or back-references), so values are saved without being checked against it. Enter a
            pattern in RE2 syntax, or clear it.
          </Alert>
        </div>
      )}
      <ClaimForm action={editClaimAction} stores={stores} claim={claim} />
    </>
  );
}
