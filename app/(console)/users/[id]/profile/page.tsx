import type { Metadata } from "next";
import { loadPage } from "@/lib/transport/command-page";
import { userProfilePageQuery } from "@/lib/users/queries";
import { USER_CLAIMS } from "@/lib/users/claims";
import { UserHeader } from "@/components/users/UserHeader";
import { ActionForm, FormField } from "@/components/ui/ActionForm";
import { updateProfileAction } from "../actions";

export const metadata: Metadata = { title: "User Profile" };

export default async function UserProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, summary, tabs } = (await loadPage(userProfilePageQuery, { id: (await params).id })).data;
  return (
    <>
      <UserHeader user={summary} tabs={tabs} current="details" />
      <ActionForm
        action={updateProfileAction}
        submitLabel="Save profile"
        hidden={{ id: String(user.id), version: String(user.version) }}
        schema={{ name: "profile" }}
        resetOnSuccess={false}
      >
        {USER_CLAIMS.map((c) => (
          <FormField
            key={c.uri}
            label={c.label}
            name={c.uri}
            id={`claim-${c.label.toLowerCase().replace(/\W+/g, "-")}`}
            defaultValue={user.claims[c.uri] ?? ""}
            type={c.uri.endsWith("emailaddress") ? "email" : "text"}
          />
        ))}
      </ActionForm>
    </>
  );
}
