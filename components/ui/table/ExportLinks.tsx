import { hrefFor, type UrlState } from "./url-state";

const exportLink = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";

/**
 * A filtered list's downloads: plain links carrying the list's filters and sort (not its page
 * size), so the file holds every matching row, not just this page. Keyboard and screen-reader
 * users get the same links; each names its file for them (`what`).
 */
export function ExportLinks({
  path,
  state,
  label,
  what,
  json,
}: {
  path: string;
  state: UrlState;
  label: string;
  what: string;
  /** The JSON link's text (the audit log's is a JSON array, the users' JSON lines). */
  json: string;
}) {
  const formats = [
    { format: "csv", text: "CSV" },
    { format: "json", text: json },
  ];
  const { size: _size, ...filters } = state;
  return (
    <div className="mb-2 flex flex-wrap items-center justify-end gap-2 text-sm">
      <span className="text-slate-600">{label}</span>
      {formats.map(({ format, text }) => (
        <a key={format} className={exportLink} href={hrefFor(path, filters, { format })} download>
          {text}
          <span className="sr-only"> {what}</span>
        </a>
      ))}
    </div>
  );
}
