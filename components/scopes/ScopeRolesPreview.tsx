import type { ScopeRolesPreview as Preview } from "@/lib/scopes/preview-scope-roles";

/** The matrix's preview: per role, the scopes it gains and loses, and the alias roles that follow it. */
export function ScopeRolesPreview({ preview }: { preview: Preview }) {
  return (
    <section aria-label="Preview" data-testid="preview" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 className="font-semibold">What changes</h2>
      {preview.roles.length === 0 && <p className="mt-1">No role gains or loses a scope.</p>}
      <ul className="mt-2 space-y-2 text-sm">
        {preview.roles.map((r) => (
          <li key={r.role} data-testid="preview-role">
            {r.gained.length > 0 && (
              <p>
                <span className="font-medium text-emerald-800">+ {r.role}</span> gains {r.gained.join(", ")}
              </p>
            )}
            {r.lost.length > 0 && (
              <p>
                <span className="font-medium text-red-800">− {r.role}</span> loses {r.lost.join(", ")}
              </p>
            )}
            {r.followers.length > 0 && (
              <p className="text-slate-700">Its aliases follow it and gain and lose the same: {r.followers.join(", ")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
