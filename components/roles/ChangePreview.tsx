import { countOf } from "@/lib/core/plural";
import type { ChangePreview as Preview } from "@/lib/roles/preview-role-change";

const users = (n: number) => countOf(n, "user");

/** What a role change does before it is saved: each permission added or removed, and who feels it. */
export function ChangePreview({ preview, addedVerb, removedVerb }: { preview: Preview; addedVerb: string; removedVerb: string }) {
  const added = preview.added.filter((p) => p.users > 0 || addedVerb === "gain");
  const removed = preview.removed.filter((p) => p.users > 0 || removedVerb === "lose");
  return (
    <section aria-label="Preview" data-testid="preview" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 className="font-semibold">What changes</h2>
      {added.length === 0 && removed.length === 0 && <p className="mt-1">Nobody gains or loses a permission.</p>}
      <ul className="mt-2 space-y-1 text-sm">
        {added.map((p) => (
          <li key={`+${p.path}`}>
            <span className="font-medium text-emerald-800">+ {p.name}</span>: {users(p.users)} {addedVerb} it
          </li>
        ))}
        {removed.map((p) => (
          <li key={`-${p.path}`}>
            <span className="font-medium text-red-800">− {p.name}</span>: {users(p.users)} {removedVerb} it
          </li>
        ))}
      </ul>
    </section>
  );
}
