"use client";

import type { FormAction } from "@/lib/core/action-state";
import { ActionForm } from "@/components/ui/ActionForm";

type Row = { uri: string; label: string; defaultClaim: string; claim: string };
type Props = { action: FormAction; rows: Row[]; claims: { uri: string; displayName: string }[]; seen: string; canEdit: boolean };

const CHOICES = "scim-local-claims";

/** One field per SCIM attribute, naming its local claim; the tenant's claims are offered as suggestions. */
function MappingRows({ rows, readOnly }: { rows: Row[]; readOnly: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
      {rows.map((row, i) => (
        <li key={row.uri} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] sm:items-center">
          <div className="min-w-0">
            <label htmlFor={`scim-claim-${i}`} className="block text-sm font-medium text-slate-900">
              {row.label}
            </label>
            <p className="break-all text-xs text-slate-500">{row.uri}</p>
          </div>
          <div className="min-w-0">
            <input type="hidden" name="attribute" value={row.uri} />
            <input
              id={`scim-claim-${i}`}
              name="claim"
              list={CHOICES}
              defaultValue={row.claim}
              readOnly={readOnly}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={row.claim === row.defaultClaim ? undefined : `scim-default-${i}`}
              className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm read-only:bg-slate-50"
            />
            {row.claim !== row.defaultClaim && (
              <p id={`scim-default-${i}`} className="mt-1 break-all text-xs text-amber-800">
                Changed; WSO2&apos;s default is {row.defaultClaim}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function ScimDialectForm({ action, rows, claims, seen, canEdit }: Props) {
  const choices = (
    <datalist id={CHOICES}>
      {claims.map((c) => (
        <option key={c.uri} value={c.uri}>
          {c.displayName}
        </option>
      ))}
    </datalist>
  );
  if (!canEdit) {
    return (
      <>
        {choices}
        <MappingRows rows={rows} readOnly />
      </>
    );
  }
  return (
    <ActionForm action={action} submitLabel="Save mapping" resetOnSuccess={false} hidden={{ seen }}>
      {choices}
      <MappingRows rows={rows} readOnly={false} />
    </ActionForm>
  );
}
