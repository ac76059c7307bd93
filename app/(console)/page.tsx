import type { Metadata } from "next";
import Link from "next/link";
import { COUNT_CAP } from "@/lib/tenants/dashboard";
import { dashboardQuery } from "@/lib/tenants/queries";
import { loadPage } from "@/lib/transport/command-page";
import { PageHeader } from "@/components/ui/PageHeader";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const { principal, data } = await loadPage(dashboardQuery, {});
  const { counts, granted } = data;
  const cards = [
    { label: "Users", value: counts.users, href: "/users" },
    { label: "Roles", value: counts.roles, href: "/roles" },
    { label: "API scopes", value: counts.scopes, href: "/settings/role-permissions" },
    { label: "Active sessions", value: counts.sessions, href: "/sessions" },
  ].filter((c) => c.value !== undefined);

  return (
    <>
      <PageHeader title={`Welcome, ${principal.displayName}`} description={`Tenant ${principal.tenantDomain}`} />
      {cards.length > 0 && (
        <section aria-labelledby="counts" className="mb-8">
          <h2 id="counts" className="sr-only">
            Counts
          </h2>
          <ul className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {cards.map((card) => (
              <li key={card.label}>
                <Link href={card.href} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
                  <span className="text-sm text-slate-600">{card.label}</span>
                  <span className="mt-1 block text-2xl font-semibold" data-testid={`count-${card.label}`}>
                    {card.value! > COUNT_CAP ? `${COUNT_CAP.toLocaleString("en")}+` : card.value!.toLocaleString("en")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="your-roles" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="your-roles" className="font-semibold">
            Your roles
          </h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {principal.roles.map((role) => (
              <li key={role.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm break-all">
                {role.name}
              </li>
            ))}
            <li className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-500">Internal/everyone</li>
          </ul>
        </section>
        <section aria-labelledby="your-permissions" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="your-permissions" className="font-semibold">
            Your permissions
          </h2>
          <p className="mt-1 text-sm text-slate-600">Each grant includes everything below it in the permission tree.</p>
          <ul className="mt-3 space-y-2" data-testid="your-permissions">
            {granted.map(({ path, label }) => (
              <li key={path}>
                <span className="font-medium">{label}</span>
                <code className="block text-xs break-all text-slate-500">{path}</code>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
