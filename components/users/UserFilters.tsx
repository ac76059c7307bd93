import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";

/** A profile claim to filter by. */
export type ClaimOption = { uri: string; label: string };

/**
 * The filters live in the URL, so a reload or a shared link shows the same view. Rendered on the
 * server; the search, domain and claim follow typing, the page size applies on Search.
 */
export function UserFilters({ state, domains, claims }: { state: UrlState; domains: string[]; claims: ClaimOption[] }) {
  return (
    <UrlSearchForm
      path="/users"
      state={state}
      label="Users"
      fields={["q", "domain", "claim", "value", "size"]}
      live={["q", "domain", "claim", "value"]}
    >
      <UrlSearchField
        name="q"
        value={state.q}
        label="Search users"
        placeholder="smith, or a pattern: adm*"
        hint="Finds names that contain the text, exact matches first. With *, the pattern matches whole names (adm* starts with adm)."
      />
      <div>
        <label htmlFor="domain" className="block text-sm font-medium">
          Domain
        </label>
        <select id="domain" name="domain" defaultValue={state.domain ?? ""} className={input}>
          <option value="">All domains</option>
          {domains.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="claim" className="block text-sm font-medium">
          Profile claim
        </label>
        <select id="claim" name="claim" defaultValue={state.claim ?? ""} className={input}>
          <option value="">Any</option>
          {claims.map((c) => (
            <option key={c.uri} value={c.uri}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <UrlSearchField name="value" value={state.value} label="Claim value" placeholder="acme*" width="w-40" />
      <PageSizeSelect id="size" size={state.size} className={input} />
    </UrlSearchForm>
  );
}
