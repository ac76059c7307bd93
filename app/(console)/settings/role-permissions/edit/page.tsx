import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/transport/guard";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/not-found";
import { getRoleMapping } from "@/lib/scopes/list-role-mappings";
import { listScopes } from "@/lib/scopes/list-scopes";
import { ZRoleName } from "@/lib/scopes/mapping-input";
import { PageHeader } from "@/components/ui/PageHeader";
import { Alert } from "@/components/ui/Alert";
import { EditMapping } from "@/components/scopes/EditMapping";
import { updateMappingAction } from "../actions";

export const metadata: Metadata = { title: "Edit role permission" };

export default async function EditMappingPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const principal = await requirePage("scopes.manage");
  const parsed = z.object({ role: ZRoleName }).safeParse(await searchParams);
  if (!parsed.success) notFound();
  const [mapping, { version, scopes }] = await Promise.all([
    orNotFound(getRoleMapping(db(), principal.tenantId, parsed.data.role)),
    listScopes(db(), principal.tenantId),
  ]);
  const mode = mapping.aliasOf.length > 0 && mapping.scopes.length === 0 ? "alias" : "custom";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/role-permissions" className="text-brand-700 hover:underline">
          Scope Assignments
        </Link>{" "}
        /
      </p>
      <PageHeader title={`Edit role permission: ${mapping.role.name}`} description="The role's mapping becomes exactly what you save." />
      {mapping.role.kind === "admin" ? (
        <Alert tone="info">The admin role stays on every scope; its mapping cannot be edited.</Alert>
      ) : (
        <EditMapping
          role={mapping.role.name}
          version={version}
          initial={{ mode, targets: mapping.aliasOf, scopes: mapping.scopes.map((s) => s.name) }}
          scopes={scopes.map(({ name, description, tag }) => ({ name, description, tag }))}
          save={updateMappingAction}
        />
      )}
    </>
  );
}
