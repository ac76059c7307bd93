import Link from "next/link";
import type { Page } from "@/lib/paging";

type Props = { page: Pick<Page<unknown>, "page" | "size" | "hasNext">; basePath: string; params?: Record<string, string | undefined> };

/** Previous/next links that keep the rest of the URL state, so every page is a shareable link. */
export function Pager({ page, basePath, params = {} }: Props) {
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, page: String(target), size: String(page.size) })) {
      if (value) query.set(key, value);
    }
    return `${basePath}?${query}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between">
      <span className="text-sm text-slate-600">Page {page.page}</span>
      <div className="flex gap-2">
        {page.page > 1 ? <Link className={link} href={href(page.page - 1)} rel="prev">Previous</Link> : <span className={off} aria-disabled="true">Previous</span>}
        {page.hasNext ? <Link className={link} href={href(page.page + 1)} rel="next">Next</Link> : <span className={off} aria-disabled="true">Next</span>}
      </div>
    </nav>
  );
}
