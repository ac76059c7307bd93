import type { Metadata } from "next";
import { scopeMappingQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { EmptyState } from "@/components/ui/EmptyState";

export const metadata: Metadata = { title: "Role scopes" };

export default async function RoleScopesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const mapping = (await loadPage(scopeMappingQuery, await searchParams)).data;
  return (
    <>
      <Breadcrumbs
        trail={[{ href: "/settings/role-permissions", label: "Scope Assignments" }, { label: `Scopes of ${mapping.role.name}` }]}
      />
      <PageHeader
        title={`Scopes of ${mapping.role.name}`}
        description={mapping.aliasOf.length ? `Also an alias of ${mapping.aliasOf.join(", ")}.` : undefined}
      />
      {mapping.scopes.length === 0 ? (
        <EmptyState title="On no scope directly">This role gets scopes only through the roles it is an alias of.</EmptyState>
      ) : (
        <table className="w-full max-w-3xl border-collapse rounded-lg bg-white text-left" data-testid="role-scopes">
          <caption className="sr-only">Scopes of {mapping.role.name}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-sm">
              <th className="p-2">Scope</th>
              <th className="p-2">Description</th>
              <th className="p-2">Tag</th>
            </tr>
          </thead>
          <tbody>
            {mapping.scopes.map((s) => (
              <tr key={s.name} className="border-b border-slate-100">
                <td className="p-2">
                  {/* Scope names are long unbroken words; they wrap so the table fits 390 px. */}
                  <code className="break-all">{s.name}</code>
                </td>
                <td className="p-2">{s.description}</td>
                <td className="p-2">{s.tag}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
