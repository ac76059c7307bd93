"use client";

import { startTransition, useActionState, useState } from "react";
import type { ActionState } from "@/lib/authz/action";
import type { ChangePreview as Preview } from "@/lib/roles/preview-role-change";
import { PermissionTree } from "@/components/permissions/PermissionTree";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { useNotify } from "@/components/ui/Notices";
import { ChangePreview } from "./ChangePreview";

type Action<T = unknown> = (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
type Props = { id: number; version: number; qualified: string; grants: string[]; grantable: string[]; preview: Action<Preview>; save: Action };

/** Edit Permissions: change the tree, review who gains and loses what, then save. */
export function RolePermissionsEditor({ id, version, qualified, grants, grantable, preview, save }: Props) {
  const [value, setValue] = useState(grants);
  const [reviewedValue, setReviewedValue] = useState<string[] | null>(null);
  const notify = useNotify();
  const [review, reviewAction, reviewing] = useActionState(preview, null);
  const [saved, saveAction, saving] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await save(previous, data);
    if (result?.ok) notify({ ok: true, message: result.message });
    return result;
  }, null);
  const form = () => {
    const data = new FormData();
    data.set("id", String(id));
    data.set("version", String(version));
    for (const p of value) data.append("permissions", p);
    return data;
  };
  const dirty = value.join() !== grants.join();
  const reviewed = reviewedValue !== null && reviewedValue.join() === value.join();

  return (
    <div className="max-w-4xl space-y-4">
      <PermissionTree value={value} onChange={setValue} grantable={grantable} label={`Permissions of ${qualified}`} />
      <div className="flex gap-2">
        <Button variant="secondary" disabled={!dirty || reviewing} onClick={() => startTransition(() => { reviewAction(form()); setReviewedValue(value); })}>
          {reviewing ? "Working out the changes…" : "Review changes"}
        </Button>
        <Button disabled={!dirty || !reviewed || !review?.ok || saving} onClick={() => startTransition(() => saveAction(form()))}>
          {saving ? "Saving…" : "Save"}
        </Button>
        {dirty && !reviewed && <span className="self-center text-sm text-slate-600">Review the changes before saving.</span>}
      </div>
      {reviewed && review && !review.ok && <Alert tone="error">{review.message}</Alert>}
      {reviewed && review?.ok && review.data && <ChangePreview preview={review.data} addedVerb="gain" removedVerb="lose" />}
      {saved && !saved.ok && (
        <Alert tone="error">
          {saved.message}
          {saved.code === "STALE_VERSION" && <button type="button" className="ml-2 font-semibold underline" onClick={() => window.location.reload()}>Reload</button>}
        </Alert>
      )}
    </div>
  );
}
