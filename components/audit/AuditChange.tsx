import { diffChange, type FieldDiff } from "@/lib/audit/diff";

const MARK = { added: "Added", removed: "Removed", changed: "Changed", same: "Unchanged" } as const;

function Items({ label, items, className }: { label: string; items?: string[]; className: string }) {
  if (!items?.length) return null;
  return (
    <p className={className}>
      {label}: {items.join(", ")}
    </p>
  );
}

function Field({ field }: { field: FieldDiff }) {
  return (
    <div className="border-t border-slate-200 py-1.5 first:border-t-0" data-kind={field.kind}>
      <dt className="font-medium text-slate-800">
        {field.path} <span className="font-normal text-slate-600">({MARK[field.kind]})</span>
      </dt>
      <dd className="mt-0.5 grid gap-1 sm:grid-cols-2">
        {field.before !== undefined && (
          <del className="block whitespace-pre-wrap break-all rounded bg-red-50 px-1.5 text-red-900 no-underline">
            <span className="sr-only">Before: </span>
            {field.before}
          </del>
        )}
        {field.after !== undefined && (
          <ins className="block whitespace-pre-wrap break-all rounded bg-green-50 px-1.5 text-green-900 no-underline sm:col-start-2">
            <span className="sr-only">After: </span>
            {field.after}
          </ins>
        )}
        <Items label="Added" items={field.addedItems} className="text-green-900 sm:col-span-2" />
        <Items label="Removed" items={field.removedItems} className="text-red-900 sm:col-span-2" />
      </dd>
    </div>
  );
}

/**
 * An event's before and after as a readable diff, behind a disclosure: changed fields first
 * (what the reader looks for), unchanged ones after them. Server markup only.
 */
export function AuditChange({ before, after, label }: { before: string | null; after: string | null; label: string }) {
  if (!before && !after) return <span className="text-slate-600">—</span>;
  const fields = diffChange(before, after);
  const changed = fields.filter((f) => f.kind !== "same");
  const ordered = [...changed, ...fields.filter((f) => f.kind === "same")];
  return (
    <details className="audit-change">
      <summary className="cursor-pointer text-brand-700">
        {changed.length === fields.length ? "Details" : `${changed.length} of ${fields.length} changed`}
        <span className="sr-only"> of {label}</span>
      </summary>
      <div className="mt-2 min-w-64 max-w-xl text-xs">
        <p aria-hidden="true" className="mb-1 hidden gap-1 text-slate-600 sm:grid sm:grid-cols-2">
          <span>Before</span>
          <span>After</span>
        </p>
        <dl>
          {ordered.map((f) => (
            <Field key={f.path} field={f} />
          ))}
        </dl>
      </div>
    </details>
  );
}
