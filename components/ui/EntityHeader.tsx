import Link from "next/link";
import type { ReactNode } from "react";
import { Breadcrumbs } from "./Breadcrumbs";

export type EntityTab<A extends string> = { action: A; label: string; href: string };

/**
 * The header of a user's or a role's pages: the way back to the list, the name, a line of
 * facts, and the actions the viewer may take as tabs (the server decided which).
 */
export function EntityHeader<A extends string>({
  back,
  title,
  facts,
  navLabel,
  tabs,
  current,
}: {
  back: { href: string; label: string };
  title: string;
  facts: ReactNode;
  navLabel: string;
  tabs: EntityTab<A>[];
  current: A;
}) {
  // The trail ends with the page itself (aria-current): the entity on its first tab, else the tab.
  const tab = tabs.find((t) => t.action === current);
  const home = tabs[0];
  const trail = tab && home && tab !== home ? [back, { href: home.href, label: title }, { label: tab.label }] : [back, { label: title }];
  return (
    <div className="mb-6">
      <Breadcrumbs trail={trail} />
      <h1 tabIndex={-1} className="outline-none focus-visible:underline text-2xl font-semibold tracking-tight break-all">
        {title}
      </h1>
      <p className="text-slate-600">{facts}</p>
      <nav aria-label={navLabel} className="mt-3 flex flex-wrap gap-2">
        {tabs.map((t) => (
          <Link
            key={t.action}
            href={t.href}
            aria-current={t.action === current ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm ${t.action === current ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
