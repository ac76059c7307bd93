import { UrlSearchField } from "@/components/ui/table/UrlSearchField";
import { UrlSearchForm } from "@/components/ui/table/UrlSearchForm";

/** The search over a role's members: a list, not a table, bound to the URL the same way. */
export function RoleMemberSearch({ path, q }: { path: string; q: string | undefined }) {
  return (
    <UrlSearchForm path={path} state={{ q }} label="Members" fields={["q"]} className="mb-3 flex items-end gap-2">
      <UrlSearchField name="q" value={q} label="Search users" placeholder="Part of a name, or adm*" />
    </UrlSearchForm>
  );
}
