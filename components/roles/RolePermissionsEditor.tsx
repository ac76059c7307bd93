"use client";

import { useState } from "react";
import type { FormAction } from "@/lib/core/action-state";
import type { ChangePreview as Preview } from "@/lib/roles/preview-role-change";
import { PermissionTree } from "@/components/permissions/PermissionTree";
import { ReviewSaveBar, useReviewThenSave } from "@/components/ui/ReviewThenSave";
import { ChangePreview } from "./ChangePreview";

type Props = {
  id: number;
  version: number;
  qualified: string;
  grants: string[];
  grantable: string[];
  superTenant: boolean;
  preview: FormAction<Preview>;
  save: FormAction;
};

/** Edit Permissions: change the tree, review who gains and loses what, then save. */
export function RolePermissionsEditor({ id, version, qualified, grants, grantable, superTenant, preview, save }: Props) {
  const [value, setValue] = useState(grants);
  const flow = useReviewThenSave(preview, save, value.join());
  const form = () => {
    const data = new FormData();
    data.set("id", String(id));
    data.set("version", String(version));
    for (const p of value) data.append("permissions", p);
    return data;
  };
  const dirty = value.join() !== grants.join();

  return (
    <div className="max-w-4xl space-y-4">
      <PermissionTree
        value={value}
        onChange={setValue}
        grantable={grantable}
        superTenant={superTenant}
        label={`Permissions of ${qualified}`}
      />
      <ReviewSaveBar
        flow={flow}
        dirty={dirty}
        form={form}
        preview={(data) => <ChangePreview preview={data} addedVerb="gain" removedVerb="lose" />}
      />
    </div>
  );
}
