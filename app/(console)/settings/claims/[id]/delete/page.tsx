import type { Metadata } from "next";
import { countOf } from "@/lib/core/plural";
import { deleteClaimPageQuery } from "@/lib/claims/queries";
import { loadPage } from "@/lib/transport/command-page";
import { ActionForm } from "@/components/ui/ActionForm";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { deleteClaimAction } from "../../actions";

export const metadata: Metadata = { title: "Delete Claim" };

export default async function DeleteClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { claim, values } = (await loadPage(deleteClaimPageQuery, await params)).data;
  const trail = [{ href: "/settings/claims", label: "Claims" }, { label: `Delete ${claim.displayName}` }];
  if (claim.builtIn) {
    return (
      <>
        <Breadcrumbs trail={trail} />
        <PageHeader title={`Delete ${claim.displayName}`} />
        <Alert tone="info">{claim.uri} is a built-in claim; it can be edited but not deleted.</Alert>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs trail={trail} />
      <PageHeader title={`Delete ${claim.displayName}`} description={claim.uri} />
      <div className="mb-6 max-w-2xl">
        <Alert tone={values > 0 ? "warning" : "info"} title="What deleting this claim does">
          {values > 0
            ? `Users hold ${countOf(values, "value")} for this claim; they are deleted with it. This cannot be undone.`
            : "No user holds a value for this claim. This cannot be undone."}
        </Alert>
      </div>
      {/* confirmValues is the count shown above: a value added since makes the server refuse. */}
      <ActionForm
        action={deleteClaimAction}
        submitLabel={values > 0 ? `Delete claim and ${countOf(values, "value")}` : "Delete claim"}
        hidden={{ id: String(claim.id), version: String(claim.version), confirmValues: String(values) }}
      >
        {null}
      </ActionForm>
    </>
  );
}
