import type { TUserListParams } from "@/lib/users/list-params";
import { USER_CLAIMS } from "@/lib/users/claims";
import { Button } from "@/components/ui/Button";

const input = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";

/** A plain GET form: the filters live in the URL, so a reload or a shared link shows the same view. */
export function UserFilters({ params, domains }: { params: TUserListParams; domains: string[] }) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Users"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div>
        <label htmlFor="q" className="block text-sm font-medium">
          Search users
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder="adm* or *smith"
          aria-describedby="q-hint"
          className={`${input} w-56`}
        />
        <p id="q-hint" className="mt-0.5 text-xs text-slate-500">
          Use * as a wildcard; without it the name must match exactly.
        </p>
      </div>
      <div>
        <label htmlFor="domain" className="block text-sm font-medium">
          Domain
        </label>
        <select id="domain" name="domain" defaultValue={params.domain ?? ""} className={input}>
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
        <select id="claim" name="claim" defaultValue={params.claim ?? ""} className={input}>
          <option value="">Any</option>
          {USER_CLAIMS.map((c) => (
            <option key={c.uri} value={c.uri}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="value" className="block text-sm font-medium">
          Claim value
        </label>
        <input id="value" name="value" type="search" defaultValue={params.value} placeholder="acme*" className={`${input} w-40`} />
      </div>
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <div>
        <label htmlFor="size" className="block text-sm font-medium">
          Per page
        </label>
        <select id="size" name="size" defaultValue={String(params.size)} className={input}>
          {[10, 25, 50, 100].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
