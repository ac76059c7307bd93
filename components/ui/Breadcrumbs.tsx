import Link from "next/link";

export type Crumb = { label: string; href?: string };

/** The way back up, ending with the page itself (aria-current="page"), not with a dangling "/". */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-1">
      <ol className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
        {trail.map((crumb, i) => (
          <li key={i} className="flex min-w-0 items-baseline gap-x-1.5">
            {i > 0 && <span aria-hidden="true">/</span>}
            {crumb.href && i < trail.length - 1 ? (
              <Link href={crumb.href} className="break-all text-brand-700 hover:underline">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page" className="break-all text-slate-700">
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
