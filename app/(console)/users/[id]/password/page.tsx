import type { Metadata } from "next";
import { getConfig } from "@/lib/config/current";
import { loadPage } from "@/lib/transport/command-page";
import { userPasswordPageQuery } from "@/lib/users/queries";
import { UserHeader } from "@/components/users/UserHeader";
import { ActionForm, FormField } from "@/components/ui/ActionForm";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Change Password" };

export default async function ChangeUserPasswordPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, summary, tabs } = (await loadPage(userPasswordPageQuery, { id: (await params).id })).data;
  const { min_length, max_length } = getConfig().password_policy;
  return (
    <>
      <UserHeader user={summary} tabs={tabs} current="details" />
      <ActionForm
        action={resetPasswordAction}
        submitLabel="Change Password"
        hidden={{ id: String(user.id), version: String(user.version) }}
        schema={{ name: "resetPassword", policy: { min_length, max_length } }}
      >
        <FormField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={min_length}
          hint={`At least ${min_length} characters. The user's open sessions end.`}
        />
        <FormField label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="requireChange" defaultChecked />
          Require a new password at the next sign-in
        </label>
      </ActionForm>
    </>
  );
}
