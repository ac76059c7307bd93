"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/core/action-state";
import type { UserRolesPreview } from "@/lib/users/preview-user-roles";
import { AsyncCombobox, type Option } from "@/components/pickers/AsyncCombobox";
import { searchRoles } from "@/components/pickers/search";
import { ReviewSaveBar, useReviewThenSave } from "@/components/ui/ReviewThenSave";

export type CurrentRole = { id: number; qualified: string; blocker: string | null };

type Props = { userId: number; version: number; roles: CurrentRole[]; preview: FormAction<UserRolesPreview>; save: FormAction };

/** Assign Roles: pick roles to add and remove, review what the user gains and loses, then save. */
export function UserRolesEditor({ userId, version, roles, preview, save }: Props) {
  const [adding, setAdding] = useState<Option[]>([]);
  const [removing, setRemoving] = useState<Set<number>>(new Set());
  const flow = useReviewThenSave(preview, save, `${adding.map((a) => a.id).join()}|${[...removing].join()}`);

  const form = () => {
    const data = new FormData();
    data.set("id", String(userId));
    data.set("version", String(version));
    for (const o of adding) data.append("add", o.id);
    for (const id of removing) data.append("remove", String(id));
    return data;
  };
  const dirty = adding.length > 0 || removing.size > 0;

  return (
    <div className="max-w-3xl space-y-6">
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Current roles</legend>
        <ul className="space-y-1">
          {roles.map((r) => (
            <li key={r.id}>
              <label className={`flex items-center gap-2 ${r.blocker ? "text-slate-500" : ""}`}>
                <input
                  type="checkbox"
                  disabled={r.blocker !== null}
                  checked={removing.has(r.id)}
                  onChange={(e) => {
                    const next = new Set(removing);
                    if (e.target.checked) next.add(r.id);
                    else next.delete(r.id);
                    setRemoving(next);
                  }}
                />
                <span>
                  Remove <span className="break-all">{r.qualified}</span>
                </span>
                {r.blocker && <span className="text-xs">({r.blocker})</span>}
              </label>
            </li>
          ))}
          <li className="text-slate-500">Internal/everyone (every user, always)</li>
        </ul>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 font-semibold">Add roles</legend>
        <AsyncCombobox
          label="Find a role"
          placeholder="Type a role name"
          search={searchRoles}
          onPick={(o) => {
            if (!adding.some((a) => a.id === o.id) && !roles.some((r) => String(r.id) === o.id)) setAdding([...adding, o]);
          }}
        />
        {adding.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-2" aria-label="Roles to add">
            {adding.map((o) => (
              <li key={o.id} className="flex items-center gap-1 rounded-full bg-brand-100 px-3 py-1 text-sm">
                <span className="break-all">{o.label}</span>
                <button type="button" aria-label={`Do not add ${o.label}`} onClick={() => setAdding(adding.filter((a) => a.id !== o.id))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <ReviewSaveBar
        flow={flow}
        dirty={dirty}
        form={form}
        preview={(data) => (
          <section aria-label="Preview" className="rounded-lg border border-amber-200 bg-amber-50 p-4" data-testid="preview">
            <h2 className="font-semibold">What changes</h2>
            {data.gained.length === 0 && data.lost.length === 0 && <p>The user&apos;s permissions stay the same.</p>}
            {data.gained.length > 0 && <p className="mt-1">Gains: {data.gained.map((p) => p.name).join("; ")}</p>}
            {data.lost.length > 0 && <p className="mt-1">Loses: {data.lost.map((p) => p.name).join("; ")}</p>}
          </section>
        )}
      />
    </div>
  );
}
