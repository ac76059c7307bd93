import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";

export type StoreOption = { domain: string; readOnly: boolean };

/** The role list's filters, rendered on the server and bound to the URL: the name search and the domain. */
export function RoleFilters({ state, stores }: { state: UrlState; stores: StoreOption[] }) {
  return (
    <UrlSearchForm path="/roles" state={state} label="Roles" fields={["q", "domain"]}>
      <UrlSearchField
        name="q"
        value={state.q}
        label="Search roles"
        placeholder="creator or Internal/*"
        hint="Finds names that contain the text, exact matches first. With *, the pattern matches whole names."
      />
      <div>
        <label htmlFor="domain" className="block text-sm font-medium">
          Domain
        </label>
        <select
          id="domain"
          name="domain"
          defaultValue={state.domain ?? ""}
          className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          <option value="">All domains</option>
          {stores.map((s) => (
            <option key={s.domain} value={s.domain}>
              {s.domain}
              {s.readOnly ? " (Read-Only)" : ""}
            </option>
          ))}
        </select>
      </div>
    </UrlSearchForm>
  );
}
