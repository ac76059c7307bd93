import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/authz/decide";
import { claimsPageQuery } from "@/lib/claims/queries";
import { loadPage } from "@/lib/transport/command-page";
import { ArrivalToast } from "@/components/ui/ArrivalToast";
import { PageHeader } from "@/components/ui/PageHeader";
import { ClaimsTable } from "@/components/claims/ClaimsTable";

export const metadata: Metadata = { title: "Claims" };

/** The toast for the actions' redirects: `?added=`, `?saved=`, `?deleted=`. */
function arrivalMessage(params: Record<string, string>): string | null {
  if (params.added) return `Claim ${params.added} added.`;
  if (params.saved) return `Claim ${params.saved} saved.`;
  if (params.deleted) return `Claim ${params.deleted} deleted.`;
  return null;
}

const flags = (c: { required: boolean; readOnly: boolean; supportedByDefault: boolean }) =>
  [c.supportedByDefault && "Supported by default", c.required && "Required", c.readOnly && "Read-only"].filter(Boolean).join(", ");

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const raw = await searchParams;
  const { principal, data } = await loadPage(claimsPageQuery, raw);
  const { params, rows } = data;
  const manage = can(principal, "claims.manage");
  const done = arrivalMessage(raw);
  return (
    <>
      <PageHeader
        title="Claims"
        description="The local claim dialect (http://wso2.org/claims): the profile fields users have, how the profile editor shows and checks them, and the attribute each maps to in a user store."
        actions={
          <>
            <Link href="/settings/claims/scim" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50">
              SCIM 2.0 mapping
            </Link>
            {manage && (
              <Link href="/settings/claims/new" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
                Add claim
              </Link>
            )}
          </>
        }
      />
      {done && <ArrivalToast message={done} params={["added", "saved", "deleted"]} />}
      <ClaimsTable
        rows={rows.map((c) => ({
          id: c.id,
          uri: c.uri,
          displayName: c.displayName,
          flags: flags(c),
          displayOrder: c.displayOrder,
          builtIn: c.builtIn,
        }))}
        url={{
          state: { q: params.q, sort: params.sort, dir: params.dir, size: String(params.size) },
          sort: { by: params.sort, dir: params.dir },
          paging: { kind: "offset", page: params.page, size: params.size, hasNext: data.hasNext, shown: rows.length },
        }}
        canManage={manage}
      />
    </>
  );
}
