import type { ReactNode } from "react";
import { countOf } from "@/lib/core/plural";
import type { ImportPreview as Preview } from "@/lib/scopes/preview-import";

const list = (names: string[]) => names.join(", ");

/** "2 scopes and 1 role's aliases change; 3 scopes added to the catalog", for the preview and the confirmation. */
export function importSummary(preview: Pick<Preview, "scopes" | "aliases" | "newScopes" | "newRoles">): string {
  const added = [
    preview.newScopes.length > 0 ? `${countOf(preview.newScopes.length, "scope")} added to the catalog` : "",
    preview.newRoles.length > 0 ? `${countOf(preview.newRoles.length, "role")} created` : "",
  ].filter(Boolean);
  return [changeSummary(preview), ...added].join("; ");
}

function changeSummary(preview: Pick<Preview, "scopes" | "aliases">): string {
  const scopes = countOf(preview.scopes.length, "scope");
  const aliases = countOf(preview.aliases.length, "role's aliases", "roles' aliases");
  if (preview.aliases.length === 0) return `${scopes} ${preview.scopes.length === 1 ? "changes" : "change"}`;
  if (preview.scopes.length === 0) return `${aliases} change`;
  return `${scopes} and ${aliases} change`;
}

/** Sections with more lines than this start closed; their counts still show. */
const OPEN_UP_TO = 10;

/**
 * One kind of change as a native disclosure: the summary names the kind and its count, so the
 * whole import reads at a glance and a long list opens only when wanted.
 */
function Section({ title, count, testId, children }: { title: string; count: number; testId: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <details open={count <= OPEN_UP_TO} data-testid={`${testId}-section`} className="rounded-md border border-amber-200 bg-white/60">
      <summary className="cursor-pointer px-3 py-2 font-medium">
        {title} <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">{count}</span>
      </summary>
      <div className="border-t border-amber-200 px-3 py-2">{children}</div>
    </details>
  );
}

const items = "space-y-1";

/** Everything a tenant-conf.json import would do, before it does it, grouped by kind of change. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const nothing =
    preview.scopes.length + preview.aliases.length + preview.newScopes.length + preview.newRoles.length + preview.documentKeys.length === 0;
  const unknown = preview.unknownRoles.length + preview.unknownScopes.length;
  return (
    <section
      aria-label="Import preview"
      data-testid="import-preview"
      className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
    >
      <h3 className="font-semibold">What the import changes</h3>
      <p>
        {importSummary(preview)}; {countOf(preview.unchangedScopes, "listed scope")}{" "}
        {preview.unchangedScopes === 1 ? "stays as it is" : "stay as they are"}. Scopes the file does not list keep their roles.
      </p>
      {nothing && <p className="font-medium">The file matches the current mapping: importing it changes nothing.</p>}
      <Section title="Scopes changed" count={preview.scopes.length} testId="import-scope-changes">
        <ul className={items} data-testid="import-scope-changes">
          {preview.scopes.map((s) => (
            <li key={s.scope}>
              <code>{s.scope}</code>:{s.added.length > 0 && <span className="text-emerald-800"> adds {list(s.added)}</span>}
              {s.added.length > 0 && s.removed.length > 0 && ";"}
              {s.removed.length > 0 && <span className="text-red-800"> removes {list(s.removed)}</span>}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Aliases changed" count={preview.aliases.length} testId="import-alias-changes">
        <ul className={items} data-testid="import-alias-changes">
          {preview.aliases.map((a) => (
            <li key={a.role}>
              <strong>{a.role}</strong>:{a.added.length > 0 && <span className="text-emerald-800"> aliases added {list(a.added)}</span>}
              {a.added.length > 0 && a.removed.length > 0 && ";"}
              {a.removed.length > 0 && <span className="text-red-800"> aliases removed {list(a.removed)}</span>}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Scopes added to the catalog" count={preview.newScopes.length} testId="import-new-scopes">
        <ul className={items} data-testid="import-new-scopes">
          {preview.newScopes.map((s) => (
            <li key={s.name}>
              <code>{s.name}</code> ({s.description}) from {s.path}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Alias roles created (no permissions, no members)" count={preview.newRoles.length} testId="import-new-roles">
        <ul className={items} data-testid="import-new-roles">
          {preview.newRoles.map((r) => (
            <li key={r.name}>
              <strong>{r.name}</strong> at {r.paths.join(", ")}
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Unknown, skipped" count={unknown} testId="import-unknown">
        {preview.unknownRoles.length > 0 && (
          <>
            <h4 className="font-medium">{countOf(preview.unknownRoles.length, "unknown role")}</h4>
            <ul className={`${items} mb-2`} data-testid="import-unknown-roles">
              {preview.unknownRoles.map((r) => (
                <li key={r.name}>
                  <strong>{r.name}</strong> at {r.paths.join(", ")}
                </li>
              ))}
            </ul>
          </>
        )}
        {preview.unknownScopes.length > 0 && (
          <>
            <h4 className="font-medium">{countOf(preview.unknownScopes.length, "unknown scope")}</h4>
            <ul className={items} data-testid="import-unknown-scopes">
              {preview.unknownScopes.map((s) => (
                <li key={s.name}>
                  <code>{s.name}</code> at {s.path}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section title="Admin kept" count={preview.adminKept.length} testId="import-admin">
        <p data-testid="import-admin-kept">
          The admin role stays on every scope that has it, so it is kept on {list(preview.adminKept)}, which the file lists without it.
        </p>
      </Section>
      {preview.documentKeys.length > 0 && (
        <p data-testid="import-document-keys">Kept for the export as the file has them: {list(preview.documentKeys)}.</p>
      )}
    </section>
  );
}
