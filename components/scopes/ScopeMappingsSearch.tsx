import type { UrlState } from "@/components/ui/table/url-state";
import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";

/** The search matches any part of a role name: the list's one filter, bound to the URL. */
export function ScopeMappingsSearch({ path, state }: { path: string; state: UrlState }) {
  return (
    <UrlSearchForm path={path} state={state} label="Scope assignments" fields={["q"]}>
      <UrlSearchField name="q" value={state.q} label="Search by role" placeholder="creator" />
    </UrlSearchForm>
  );
}
