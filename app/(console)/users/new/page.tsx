import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/transport/guard";
import { getConfig } from "@/lib/config/current";
import { db } from "@/lib/db/client";
import { holdsUsers, listStores } from "@/lib/stores/list-stores";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewUserForm } from "@/components/users/NewUserForm";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Add New User" };

export default async function NewUserPage() {
  const principal = await requirePage("users.create");
  const domains = (await listStores(db(), principal.tenantId)).filter((s) => holdsUsers(s) && !s.readOnly).map((s) => s.domain);
  return (
    <>
      <p className="text-sm">
        <Link href="/users" className="text-brand-700 hover:underline">
          Users
        </Link>{" "}
        /
      </p>
      <PageHeader title="Add New User" />
      <NewUserForm action={createUserAction} domains={domains} minLength={getConfig().password_policy.min_length} />
    </>
  );
}
