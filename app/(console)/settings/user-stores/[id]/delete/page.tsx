import { countOf } from "@/lib/core/plural";
import type { Metadata } from "next";
import { deleteStorePageQuery } from "@/lib/store-management/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Alert } from "@/components/ui/Alert";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { TypedDeleteForm } from "@/components/ui/TypedDeleteForm";
import { deleteStoreAction } from "../../actions";

export const metadata: Metadata = { title: "Delete User Store" };

export default async function DeleteUserStorePage({ params }: { params: Promise<{ id: string }> }) {
  const { data } = await loadPage(deleteStorePageQuery, await params);
  const { store, impact } = data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings/user-stores", label: "User Stores" }, { label: `Delete ${store.domain}` }]} />
      <PageHeader title={`Delete ${store.domain}`} />
      <div className="mb-6 max-w-2xl">
        <Alert tone="warning" title="What deleting this store does">
          <ul className="mt-1 list-disc pl-5">
            <li>
              {countOf(impact.users, "mirrored user")} and {countOf(impact.groups, "group")} are removed from Gatehouse.
            </li>
            <li>
              Their {countOf(impact.sessions, "active session")} end, and their {countOf(impact.internalMemberships, "membership")} of
              Internal and Application roles are removed.
            </li>
            <li>The directory itself is untouched; adding the store again mirrors its users afresh.</li>
          </ul>
        </Alert>
      </div>
      <TypedDeleteForm action={deleteStoreAction} domain={store.domain} hidden={{ id: String(store.id), version: String(store.version) }} />
    </>
  );
}
