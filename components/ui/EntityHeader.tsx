import Link from "next/link";
import type { ReactNode } from "react";

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
  return (
    <div className="mb-6">
      <p className="text-sm">
        <Link href={back.href} className="text-brand-700 hover:underline">
          {back.label}
        </Link>{" "}
        /
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight break-all">{title}</h1>
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
