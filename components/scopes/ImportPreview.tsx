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

/** A section whose body is one list, an entry a line; the list carries the section's test id. */
function PreviewGroup<T>(props: {
  title: string;
  testId: string;
  entries: T[];
  keyOf: (entry: T) => string;
  children: (entry: T) => ReactNode;
}) {
  return (
    <Section title={props.title} count={props.entries.length} testId={props.testId}>
      <ul className={items} data-testid={props.testId}>
        {props.entries.map((entry) => (
          <li key={props.keyOf(entry)}>{props.children(entry)}</li>
        ))}
      </ul>
    </Section>
  );
}

/** " adds a, b; removes c": what a scope's roles (or a role's aliases) gain and lose. */
function AddedRemoved({ change, adds, removes }: { change: { added: string[]; removed: string[] }; adds: string; removes: string }) {
  const { added, removed } = change;
  return (
    <>
      {added.length > 0 && <span className="text-emerald-800"> {`${adds} ${list(added)}`}</span>}
      {added.length > 0 && removed.length > 0 && ";"}
      {removed.length > 0 && <span className="text-red-800"> {`${removes} ${list(removed)}`}</span>}
    </>
  );
}

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
      <PreviewGroup title="Scopes changed" testId="import-scope-changes" entries={preview.scopes} keyOf={(s) => s.scope}>
        {(s) => (
          <>
            <code>{s.scope}</code>:<AddedRemoved change={s} adds="adds" removes="removes" />
          </>
        )}
      </PreviewGroup>
      <PreviewGroup title="Aliases changed" testId="import-alias-changes" entries={preview.aliases} keyOf={(a) => a.role}>
        {(a) => (
          <>
            <strong>{a.role}</strong>:<AddedRemoved change={a} adds="aliases added" removes="aliases removed" />
          </>
        )}
      </PreviewGroup>
      <PreviewGroup title="Scopes added to the catalog" testId="import-new-scopes" entries={preview.newScopes} keyOf={(s) => s.name}>
        {(s) => (
          <>
            <code>{s.name}</code> ({s.description}) from {s.path}
          </>
        )}
      </PreviewGroup>
      <PreviewGroup
        title="Alias roles created (no permissions, no members)"
        testId="import-new-roles"
        entries={preview.newRoles}
        keyOf={(r) => r.name}
      >
        {(r) => (
          <>
            <strong>{r.name}</strong> at {r.paths.join(", ")}
          </>
        )}
      </PreviewGroup>
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
