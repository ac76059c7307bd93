import type { Metadata } from "next";
import { can } from "@/lib/authz/decide";
import { scimDialectPageQuery } from "@/lib/scim/dialect-commands";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { ScimDialectForm } from "@/components/claims/ScimDialectForm";
import { editScimDialectAction } from "../actions";

export const metadata: Metadata = { title: "SCIM 2.0 mapping" };

export default async function ScimDialectPage() {
  const { principal, data } = await loadPage(scimDialectPageQuery, {});
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/claims", label: "Claims" }, { label: "SCIM 2.0 mapping" }]} />
      <PageHeader
        title="SCIM 2.0 mapping"
        description="The local claim each SCIM 2.0 attribute (core and enterprise User schemas) reads and writes through /scim2. Changes apply to SCIM filters, sorting, resources and writes at once; users' values stay where they are."
      />
      <ScimDialectForm
        action={editScimDialectAction}
        rows={data.rows}
        claims={data.claims}
        seen={data.seen}
        canEdit={can(principal, "claims.manage")}
      />
    </>
  );
}
