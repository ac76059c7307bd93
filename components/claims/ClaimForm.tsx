"use client";

import type { FormAction } from "@/lib/core/action-state";
import type { ClaimDefinition } from "@/lib/claims/get-claim";
import { ActionForm, FormField, useFieldErrors } from "@/components/ui/ActionForm";
import { FieldMessages } from "@/components/ui/Field";

type Props = { action: FormAction; stores: { id: number; domain: string }[]; claim?: ClaimDefinition };

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
      <input type="checkbox" name={name} defaultChecked={checked} />
      {label}
    </label>
  );
}

/** The attribute a claim maps to in each user store; an empty one means "not mapped there". */
function StoreAttributes({ stores, claim }: Pick<Props, "stores" | "claim">) {
  const errors = useFieldErrors("attributes");
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4" aria-describedby="claim-attributes-error">
      <legend className="px-1 text-sm font-semibold">Mapped attributes</legend>
      <p className="text-sm text-slate-500">The attribute that holds the value in each user store, such as mail or givenName.</p>
      {stores.map((store) => (
        <div key={store.id}>
          <input type="hidden" name="storeId" value={String(store.id)} />
          <FormField
            label={`Attribute in ${store.domain}`}
            name="attribute"
            id={`attribute-${store.id}`}
            autoComplete="off"
            defaultValue={claim?.attributes.find((a) => a.storeId === store.id)?.attribute ?? ""}
          />
        </div>
      ))}
      <FieldMessages id="claim-attributes" errors={errors} />
    </fieldset>
  );
}

/** Add Local Claim and Edit Claim: the same fields; the URI is chosen once. */
export function ClaimForm({ action, stores, claim }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel={claim ? "Save claim" : "Add claim"}
      schema={{ name: claim ? "editClaim" : "addClaim" }}
      resetOnSuccess={false}
      hidden={claim ? { id: String(claim.id), version: String(claim.version) } : {}}
    >
      {claim ? (
        <p className="text-sm">
          <span className="font-medium">Claim URI:</span> <span className="break-all">{claim.uri}</span>
        </p>
      ) : (
        <FormField label="Claim URI" name="uri" required autoComplete="off" hint="In the local dialect: http://wso2.org/claims/…" />
      )}
      <FormField label="Display name" name="displayName" required autoComplete="off" defaultValue={claim?.displayName ?? ""} />
      <FormField label="Description" name="description" autoComplete="off" defaultValue={claim?.description ?? ""} />
      <FormField
        label="Regular expression"
        name="regEx"
        autoComplete="off"
        defaultValue={claim?.regEx ?? ""}
        hint="Values must match it (RE2 syntax: no lookaround or back-references); leave empty for any value."
      />
      <FormField
        label="Display order"
        name="displayOrder"
        type="number"
        min={0}
        defaultValue={String(claim?.displayOrder ?? 0)}
        hint="Lower numbers come first in the user profile."
      />
      <Check
        name="supportedByDefault"
        label="Supported by default (shown in the user profile)"
        checked={claim?.supportedByDefault ?? true}
      />
      <Check name="required" label="Required" checked={claim?.required ?? false} />
      <Check name="readOnly" label="Read-only" checked={claim?.readOnly ?? false} />
      <StoreAttributes stores={stores} claim={claim} />
    </ActionForm>
  );
}
