import type { Metadata } from "next";
import { getConfig } from "@/lib/config/current";
import { loadPage } from "@/lib/transport/command-page";
import { ownPasswordPageQuery } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/PageHeader";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { changeOwnPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

/** The limits the browser checks before posting; the server checks them again. */
function passwordPolicy() {
  const { min_length, max_length } = getConfig().password_policy;
  return { min_length, max_length };
}

export default async function ChangePasswordPage() {
  const { forced, minLength } = (await loadPage(ownPasswordPageQuery, {})).data;
  return (
    <>
      <PageHeader
        title="Change password"
        description={`Use at least ${minLength} characters. Spaces, any letters and emoji are fine; a few unrelated words make a strong password.`}
      />
      <ChangePasswordForm action={changeOwnPasswordAction} policy={passwordPolicy()} forced={forced} />
    </>
  );
}
