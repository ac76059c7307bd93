import type { Metadata } from "next";
import { getConfig } from "@/lib/config/current";
import { loadPage } from "@/lib/transport/command-page";
import { newUserPageQuery } from "@/lib/users/queries";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewUserForm } from "@/components/users/NewUserForm";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "Add New User" };

export default async function NewUserPage() {
  const { domains } = (await loadPage(newUserPageQuery, {})).data;
  return (
    <>
      <Breadcrumbs trail={[{ href: "/users", label: "Users" }, { label: "Add New User" }]} />
      <PageHeader title="Add New User" />
      <NewUserForm action={createUserAction} domains={domains} policy={getConfig().password_policy} />
    </>
  );
}
