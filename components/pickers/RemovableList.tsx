"use client";

export type Removable = { id: number; label: string; /** Why it cannot be removed, or null. */ blocker: string | null };

type Props = { label: string; items: readonly Removable[]; removing: ReadonlySet<number>; onChange: (next: Set<number>) => void };

/**
 * What is there now (a user's roles, a role's members), each with a Remove button that names
 * it; a removal waits for Save and can be undone with Keep until then. Replaces checkboxes
 * labelled "Remove X", which read as the item's state rather than an action.
 */
export function RemovableList({ label, items, removing, onChange }: Props) {
  const flip = (id: number) => {
    const next = new Set(removing);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };
  return (
    <ul className="divide-y divide-slate-100" aria-label={label}>
      {items.map((item) => {
        const gone = removing.has(item.id);
        return (
          <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5">
            <span className={`min-w-0 flex-1 break-all ${gone ? "text-slate-600 line-through" : ""}`}>{item.label}</span>
            {gone && <span className="text-xs font-medium text-red-800">removed on save</span>}
            {item.blocker && <span className="text-xs text-slate-600">({item.blocker})</span>}
            <button
              type="button"
              disabled={item.blocker !== null}
              aria-label={`${gone ? "Keep" : "Remove"} ${item.label}`}
              onClick={() => flip(item.id)}
              className="rounded-md border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-500"
            >
              {gone ? "Keep" : "Remove"}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Chosen items waiting for Save, each with a button that drops it from the choice. */
export function PickedChips<T extends { id: string | number; label: string }>({
  label,
  items,
  onDrop,
}: {
  label: string;
  items: readonly T[];
  onDrop: (item: T) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-2" aria-label={label}>
      {items.map((item) => (
        <li key={item.id} className="flex max-w-full items-center gap-1 rounded-full bg-brand-100 py-1 pl-3 pr-1 text-sm">
          <span className="break-all">{item.label}</span>
          <button
            type="button"
            aria-label={`Do not add ${item.label}`}
            onClick={() => onDrop(item)}
            className="rounded-full px-1.5 hover:bg-white"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
