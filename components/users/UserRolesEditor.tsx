"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/core/action-state";
import type { UserRolesPreview } from "@/lib/users/preview-user-roles";
import { AsyncCombobox, type Option } from "@/components/pickers/AsyncCombobox";
import { searchRoles } from "@/components/pickers/search";
import { PickedChips, RemovableList } from "@/components/pickers/RemovableList";
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
        <RemovableList
          label="Current roles"
          items={roles.map((r) => ({ ...r, label: r.qualified }))}
          removing={removing}
          onChange={setRemoving}
        />
        <p className="mt-1 text-sm text-slate-600">Internal/everyone (every user, always)</p>
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
        <PickedChips label="Roles to add" items={adding} onDrop={(o) => setAdding(adding.filter((a) => a.id !== o.id))} />
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
