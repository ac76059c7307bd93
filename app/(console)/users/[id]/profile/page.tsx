import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userProfilePageQuery } from "@/lib/users/queries";
import { UserHeader } from "@/components/users/UserHeader";
import { ActionForm, FormField } from "@/components/ui/ActionForm";
import { updateProfileAction } from "../actions";

export const metadata: Metadata = { title: "User Profile" };

const EMAIL = "http://wso2.org/claims/emailaddress";

/** The tenant's supported-by-default claims in display order (Claim Management); read-only ones are shown, not posted. */
export default async function UserProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, summary, tabs, claims } = (await loadPage(userProfilePageQuery, { id: (await params).id })).data;
  return (
    <>
      <UserHeader user={summary} tabs={tabs} current="details" />
      <ActionForm
        action={updateProfileAction}
        submitLabel="Save profile"
        hidden={{ id: String(user.id), version: String(user.version) }}
        schema={{ name: "profile", claims }}
        resetOnSuccess={false}
      >
        {claims.map((c) => (
          <FormField
            key={c.uri}
            label={c.required ? `${c.displayName} (required)` : c.displayName}
            name={c.readOnly ? `readonly:${c.uri}` : c.uri}
            id={`claim-${c.displayName.toLowerCase().replace(/\W+/g, "-")}`}
            defaultValue={user.claims[c.uri] ?? ""}
            type={c.uri === EMAIL ? "email" : "text"}
            readOnly={c.readOnly}
            aria-required={c.required || undefined}
            hint={c.readOnly ? "Read-only: set by the claim's definition in Claim Management." : undefined}
          />
        ))}
      </ActionForm>
    </>
  );
}
