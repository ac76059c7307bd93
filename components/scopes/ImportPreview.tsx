import type { ImportPreview as Preview } from "@/lib/scopes/preview-import";

const list = (names: string[]) => names.join(", ");

/** "2 scopes and 1 role's aliases change; 3 scopes added to the catalog", for the preview and the confirmation. */
export function importSummary(preview: Pick<Preview, "scopes" | "aliases" | "newScopes" | "newRoles">): string {
  const added = [
    preview.newScopes.length > 0
      ? `${preview.newScopes.length} ${preview.newScopes.length === 1 ? "scope" : "scopes"} added to the catalog`
      : "",
    preview.newRoles.length > 0 ? `${preview.newRoles.length} ${preview.newRoles.length === 1 ? "role" : "roles"} created` : "",
  ].filter(Boolean);
  return [changeSummary(preview), ...added].join("; ");
}

function changeSummary(preview: Pick<Preview, "scopes" | "aliases">): string {
  const scopes = preview.scopes.length === 1 ? "1 scope" : `${preview.scopes.length} scopes`;
  const aliases = preview.aliases.length === 1 ? "1 role's aliases" : `${preview.aliases.length} roles' aliases`;
  if (preview.aliases.length === 0) return `${scopes} ${preview.scopes.length === 1 ? "changes" : "change"}`;
  if (preview.scopes.length === 0) return `${aliases} change`;
  return `${scopes} and ${aliases} change`;
}

/** Everything a tenant-conf.json import would do, before it does it. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const nothing =
    preview.scopes.length + preview.aliases.length + preview.newScopes.length + preview.newRoles.length + preview.documentKeys.length === 0;
  return (
    <section
      aria-label="Import preview"
      data-testid="import-preview"
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
    >
      <h3 className="font-semibold">What the import changes</h3>
      <p>
        {importSummary(preview)}; {preview.unchangedScopes} listed {preview.unchangedScopes === 1 ? "scope stays" : "scopes stay"} as{" "}
        {preview.unchangedScopes === 1 ? "it is" : "they are"}. Scopes the file does not list keep their roles.
      </p>
      {nothing && <p className="font-medium">The file matches the current mapping: importing it changes nothing.</p>}
      {preview.newScopes.length > 0 && (
        <div>
          <h4 className="font-medium">Scopes added to the catalog</h4>
          <ul className="mt-1 space-y-1" data-testid="import-new-scopes">
            {preview.newScopes.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code> ({s.description}) from {s.path}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.newRoles.length > 0 && (
        <div>
          <h4 className="font-medium">Alias roles created (no permissions, no members)</h4>
          <ul className="mt-1 space-y-1" data-testid="import-new-roles">
            {preview.newRoles.map((r) => (
              <li key={r.name}>
                <strong>{r.name}</strong> at {r.paths.join(", ")}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.scopes.length > 0 && (
        <div>
          <h4 className="font-medium">Scope roles</h4>
          <ul className="mt-1 space-y-1" data-testid="import-scope-changes">
            {preview.scopes.map((s) => (
              <li key={s.scope}>
                <code>{s.scope}</code>:{s.added.length > 0 && <span className="text-emerald-800"> adds {list(s.added)}</span>}
                {s.added.length > 0 && s.removed.length > 0 && ";"}
                {s.removed.length > 0 && <span className="text-red-800"> removes {list(s.removed)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.aliases.length > 0 && (
        <div>
          <h4 className="font-medium">Role aliases</h4>
          <ul className="mt-1 space-y-1" data-testid="import-alias-changes">
            {preview.aliases.map((a) => (
              <li key={a.role}>
                <strong>{a.role}</strong>:{a.added.length > 0 && <span className="text-emerald-800"> aliases added {list(a.added)}</span>}
                {a.added.length > 0 && a.removed.length > 0 && ";"}
                {a.removed.length > 0 && <span className="text-red-800"> aliases removed {list(a.removed)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.unknownRoles.length > 0 && (
        <div>
          <h4 className="font-medium">Unknown roles, skipped</h4>
          <ul className="mt-1 space-y-1" data-testid="import-unknown-roles">
            {preview.unknownRoles.map((r) => (
              <li key={r.name}>
                <strong>{r.name}</strong> at {r.paths.join(", ")}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.unknownScopes.length > 0 && (
        <div>
          <h4 className="font-medium">Unknown scopes, skipped</h4>
          <ul className="mt-1 space-y-1" data-testid="import-unknown-scopes">
            {preview.unknownScopes.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code> at {s.path}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.documentKeys.length > 0 && (
        <p data-testid="import-document-keys">Kept for the export as the file has them: {list(preview.documentKeys)}.</p>
      )}
      {preview.adminKept.length > 0 && (
        <p data-testid="import-admin-kept">
          The admin role stays on every scope that has it, so it is kept on {list(preview.adminKept)}, which the file lists without it.
        </p>
      )}
    </section>
  );
}
