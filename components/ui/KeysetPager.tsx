import Link from "next/link";

type Props = { basePath: string; params: Record<string, string | undefined>; next: string | null; prev: string | null; shown: number };

/** Previous/next by cursor: the URL keeps every filter and the position, so any page is a shareable link. */
export function KeysetPager({ basePath, params, next, prev, shown }: Props) {
  const href = (cursor: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, after: undefined, before: undefined, ...cursor })) if (value) query.set(key, value);
    return `${basePath}?${query}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between">
      <span className="text-sm text-slate-600">{shown === 0 ? "Nothing to show" : `Showing ${shown}`}</span>
      <div className="flex gap-2">
        {prev ? <Link className={link} href={href({ before: prev })} rel="prev">Previous</Link> : <span className={off} aria-disabled="true">Previous</span>}
        {next ? <Link className={link} href={href({ after: next })} rel="next">Next</Link> : <span className={off} aria-disabled="true">Next</span>}
      </div>
    </nav>
  );
}
