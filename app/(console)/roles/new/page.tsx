import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/transport/guard";
import { db } from "@/lib/db/client";
import { listStores } from "@/lib/stores/list-stores";
import { PageHeader } from "@/components/ui/PageHeader";
import { NewRoleWizard } from "@/components/roles/NewRoleWizard";
import { createRoleAction } from "../actions";

export const metadata: Metadata = { title: "Add New Role" };

export default async function NewRolePage() {
  const principal = await requirePage("roles.create");
  const domains = (await listStores(db(), principal.tenantId)).filter((s) => !s.readOnly).map((s) => s.domain);
  return (
    <>
      <p className="text-sm">
        <Link href="/roles" className="text-brand-700 hover:underline">
          Roles
        </Link>{" "}
        /
      </p>
      <PageHeader title="Add New Role" description="You can only grant permissions you hold yourself." />
      <NewRoleWizard action={createRoleAction} domains={domains} grantable={principal.grants} />
    </>
  );
}
