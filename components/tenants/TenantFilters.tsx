import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";

/** The tenant list's search, rendered on the server and bound to the URL: the domain search and the page size. */
export function TenantFilters({ state }: { state: UrlState }) {
  return (
    <UrlSearchForm path="/tenants" state={state} label="Tenants" fields={["q", "size"]} live={["q"]}>
      <UrlSearchField name="q" value={state.q} label="Search tenants" placeholder="acme" hint="Finds domains that contain the text." />
      <PageSizeSelect id="size" size={state.size} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2" />
    </UrlSearchForm>
  );
}
