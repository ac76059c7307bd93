"use client";

import { RoleChips } from "./RoleChips";
import { ScopePicker, type ScopeOption } from "./ScopePicker";

export type MappingDraft = { mode: "alias" | "custom"; targets: string[]; scopes: string[] };

/** Step 2 of the wizard and the edit page: a role alias, or a custom set of scopes. */
export function MappingEditor({
  draft,
  onChange,
  scopes,
  errors,
}: {
  draft: MappingDraft;
  onChange: (next: MappingDraft) => void;
  scopes: ScopeOption[];
  errors: Record<string, string[] | undefined>;
}) {
  const mode = (m: MappingDraft["mode"], label: string, hint: string) => (
    <label
      className={`flex flex-1 cursor-pointer gap-2 rounded-lg border p-3 ${draft.mode === m ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
    >
      <input type="radio" name="mapping-mode" checked={draft.mode === m} onChange={() => onChange({ ...draft, mode: m })} />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );
  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-2 text-sm font-medium">Select permissions</legend>
        {mode("alias", "Role alias", "Give this role every scope of other roles.")}
        {mode("custom", "Custom permissions", "Choose the scopes one by one.")}
      </fieldset>
      {draft.mode === "alias" ? (
        <RoleChips
          label="Roles to map to"
          value={draft.targets}
          onChange={(targets) => onChange({ ...draft, targets })}
          errors={errors.targets}
        />
      ) : (
        <>
          <ScopePicker scopes={scopes} value={draft.scopes} onChange={(s) => onChange({ ...draft, scopes: s })} />
          <div aria-live="polite" className="text-sm text-red-700">
            {errors.scopes?.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** The form fields a mapping action expects. */
export function mappingFormData(role: string, draft: MappingDraft, extra: Record<string, string> = {}): FormData {
  const data = new FormData();
  data.set("role", role);
  data.set("mode", draft.mode);
  for (const t of draft.mode === "alias" ? draft.targets : []) data.append("targets", t);
  for (const s of draft.mode === "custom" ? draft.scopes : []) data.append("scopes", s);
  for (const [k, v] of Object.entries(extra)) data.set(k, v);
  return data;
}
