"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState } from "react";
import type { ActionState, FormAction } from "@/lib/core/action-state";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { showToast } from "@/components/ui/toast";
import { MappingEditor, mappingFormData, type MappingDraft } from "./MappingEditor";
import type { ScopeOption } from "./ScopePicker";

/** Edit one role's mapping. The whole mapping becomes what is saved; a stale version is refused with a Reload offer. */
export function EditMapping({
  role,
  version,
  initial,
  scopes,
  save,
}: {
  role: string;
  version: number;
  initial: MappingDraft;
  scopes: ScopeOption[];
  save: FormAction;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [state, run, pending] = useActionState(async (previous: ActionState, data: FormData) => {
    const result = await save(previous, data);
    if (result?.ok) {
      void showToast("success", result.message);
      router.push("/settings/role-permissions");
    }
    return result;
  }, null);
  return (
    <div className="max-w-4xl">
      {state && !state.ok && (
        <div className="mb-4">
          <Alert tone="error">
            {state.message}
            {state.code === "STALE_VERSION" && (
              <button type="button" className="ml-2 font-semibold underline" onClick={() => window.location.reload()}>
                Reload
              </button>
            )}
          </Alert>
        </div>
      )}
      <MappingEditor draft={draft} onChange={setDraft} scopes={scopes} errors={state && !state.ok ? (state.fieldErrors ?? {}) : {}} />
      <div className="mt-6 flex gap-2">
        <Button onClick={() => startTransition(() => run(mappingFormData(role, draft, { version: String(version) })))} busy={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </div>
  );
}
