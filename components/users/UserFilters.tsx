"use client";

import { PageSizeSelect } from "@/components/ui/table/PageSizeSelect";
import { SearchField } from "@/components/ui/table/SearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";
import type { UrlState } from "@/components/ui/table/url-state";
import { filterField, useUrlFilters } from "@/components/ui/table/useUrlFilters";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";

/** A profile claim to filter by; passed in, since lib/users/claims.ts carries zod schemas the browser need not load. */
export type ClaimOption = { uri: string; label: string };

/** The URL keys the users list filters by: the name search, and the domain and profile claim columns. */
const USER_FILTER_KEYS = ["q", "domain", "claim", "value"] as const;

/** The filters live in the URL, so a reload or a shared link shows the same view. */
export function UserFilters({ state, domains, claims }: { state: UrlState; domains: string[]; claims: ClaimOption[] }) {
  const filters = useUrlFilters("/users", state, USER_FILTER_KEYS);
  const filter = (key: (typeof USER_FILTER_KEYS)[number]) => filterField(filters, key);
  const domain = filter("domain");
  const claim = filter("claim");
  return (
    <UrlSearchForm filters={filters} label="Users" fields={["q", "domain", "claim", "value", "size"]}>
      <SearchField
        label="Search users"
        {...filter("q")}
        placeholder="smith, or a pattern: adm*"
        hint="Finds names that contain the text, exact matches first. With *, the pattern matches whole names (adm* starts with adm)."
      />
      <div>
        <label htmlFor="domain" className="block text-sm font-medium">
          Domain
        </label>
        <select id="domain" name="domain" value={domain.value} onChange={(e) => domain.onChange(e.target.value)} className={input}>
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
        <select id="claim" name="claim" value={claim.value} onChange={(e) => claim.onChange(e.target.value)} className={input}>
          <option value="">Any</option>
          {claims.map((c) => (
            <option key={c.uri} value={c.uri}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <SearchField label="Claim value" {...filter("value")} placeholder="acme*" width="w-40" />
      <PageSizeSelect id="size" size={state.size} className={input} />
    </UrlSearchForm>
  );
}
