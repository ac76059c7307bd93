import type { Metadata } from "next";
import { tenantConfQuery } from "@/lib/scopes/queries";
import { loadPage } from "@/lib/transport/command-page";
import { ScopeMappingsLinks } from "@/components/scopes/ScopeMappingsLinks";
import { PageHeader } from "@/components/ui/PageHeader";
import { TenantConfImport } from "@/components/scopes/TenantConfImport";
import { applyImportAction, previewImportAction } from "./actions";

export const metadata: Metadata = { title: "tenant-conf.json" };

const EXPORT_URL = "/settings/role-permissions/tenant-conf/export";

export default async function TenantConfPage() {
  const { document } = (await loadPage(tenantConfQuery, {})).data;
  const exported = JSON.stringify(document, null, 2);
  return (
    <>
      <PageHeader
        title="tenant-conf.json"
        description="Bring scope mappings across from WSO2 API Manager, or take them back. The mapping is RESTAPIScopes and RoleMappings; every other key of an imported file is kept for the export."
        actions={<ScopeMappingsLinks current="/settings/role-permissions/tenant-conf" />}
      />
      <div className="grid gap-8 xl:grid-cols-2">
        <section aria-labelledby="export-heading" className="min-w-0 space-y-3">
          <h2 id="export-heading" className="text-lg font-semibold">
            Export
          </h2>
          <p className="text-sm text-slate-600">
            The tenant-conf.json to upload into WSO2 API Manager 4.x: the imported keys with the current mapping. It passes WSO2&apos;s
            tenant-config-schema.json.
          </p>
          <a
            href={EXPORT_URL}
            download="tenant-conf.json"
            className="inline-flex rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Download tenant-conf.json
          </a>
          <label htmlFor="tenant-conf-export" className="block text-sm font-medium">
            Current tenant-conf.json
          </label>
          <textarea
            id="tenant-conf-export"
            readOnly
            value={exported}
            rows={24}
            spellCheck={false}
            className="block w-full rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-xs"
          />
        </section>
        <section aria-labelledby="import-heading" className="min-w-0 space-y-3">
          <h2 id="import-heading" className="text-lg font-semibold">
            Import
          </h2>
          <TenantConfImport preview={previewImportAction} apply={applyImportAction} />
        </section>
      </div>
    </>
  );
}
