import Link from "next/link";
import { pageHref, rangeOf, type Paging, type UrlState } from "./url-state";

type Props = { path: string; state: UrlState; paging: Paging };

/** Previous/next links that keep the rest of the URL state, so every page is a shareable link. */
export function UrlPager({ path, state, paging }: Props) {
  const prev = pageHref(path, state, paging, "prev");
  const next = pageHref(path, state, paging, "next");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  const fallback = paging.kind === "offset" ? `Page ${paging.page}` : paging.shown === 0 ? "Nothing to show" : `Showing ${paging.shown}`;
  const status = rangeOf(paging) ?? fallback;
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between">
      <span className="text-sm text-slate-600">{status}</span>
      <div className="flex gap-2">
        {prev ? (
          <Link className={link} href={prev} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            Previous
          </span>
        )}
        {next ? (
          <Link className={link} href={next} rel="next">
            Next
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
