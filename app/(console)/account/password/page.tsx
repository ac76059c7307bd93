import type { Metadata } from "next";
import { requireSession } from "@/lib/transport/guard";
import { getConfig } from "@/lib/config/current";
import { PageHeader } from "@/components/ui/PageHeader";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { changeOwnPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const principal = await requireSession();
  const policy = getConfig().password_policy;
  return (
    <>
      <PageHeader
        title="Change password"
        description={`Use at least ${policy.min_length} characters. Spaces, any letters and emoji are fine; a few unrelated words make a strong password.`}
      />
      <ChangePasswordForm action={changeOwnPasswordAction} minLength={policy.min_length} forced={principal.mustChangePassword} />
    </>
  );
}
