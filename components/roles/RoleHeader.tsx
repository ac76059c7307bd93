import { countOf } from "@/lib/core/plural";
import { EntityHeader } from "@/components/ui/EntityHeader";
import type { RoleAction } from "@/lib/authz/role-rules";

const TABS: { action: RoleAction; label: string; path: string }[] = [
  { action: "viewUsers", label: "View Users", path: "" },
  { action: "rename", label: "Rename", path: "/rename" },
  { action: "permissions", label: "Edit Permissions", path: "/permissions" },
  { action: "assignUsers", label: "Assign Users", path: "/users" },
];

export function RoleHeader({
  role,
  actions,
  current,
}: {
  role: { id: number; qualified: string; domain: string; readOnly: boolean; memberCount: number; kind: string };
  actions: RoleAction[];
  current: RoleAction;
}) {
  const members = role.kind === "everyone" ? "every user" : countOf(role.memberCount, "member");
  return (
    <EntityHeader
      back={{ href: "/roles", label: "Roles" }}
      title={role.qualified}
      facts={
        <>
          {role.domain}
          {role.readOnly && " (Read-Only)"} · {members}
        </>
      }
      navLabel="Role actions"
      tabs={TABS.filter((t) => actions.includes(t.action)).map((t) => ({ ...t, href: `/roles/${role.id}${t.path}` }))}
      current={current}
    />
  );
}
