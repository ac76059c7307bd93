import type { Metadata } from "next";
import Link from "next/link";
import { getConfig } from "@/lib/config/current";
import { loadPage } from "@/lib/transport/command-page";
import { newUserPageQuery } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewUserForm } from "@/components/users/NewUserForm";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Add New User" };

export default async function NewUserPage() {
  const { domains } = (await loadPage(newUserPageQuery, {})).data;
  return (
    <>
      <p className="text-sm">
        <Link href="/users" className="text-brand-700 hover:underline">
          Users
        </Link>{" "}
        /
      </p>
      <PageHeader title="Add New User" />
      <NewUserForm action={createUserAction} domains={domains} policy={getConfig().password_policy} />
    </>
  );
}
