import { EntityHeader } from "@/components/ui/EntityHeader";
import type { UserAction } from "@/lib/authz/user-rules";

const TABS: { action: UserAction; label: string; path: string }[] = [
  { action: "viewRoles", label: "View Roles", path: "" },
  { action: "roles", label: "Assign Roles", path: "/roles" },
  { action: "password", label: "Change Password", path: "/password" },
  { action: "profile", label: "User Profile", path: "/profile" },
];

/** The user's name, store and the actions the viewer may take, shared by the user's pages. */
export function UserHeader({
  user,
  actions,
  current,
}: {
  user: { id: number; qualified: string; domain: string; readOnly: boolean };
  actions: UserAction[];
  current: UserAction;
}) {
  return (
    <EntityHeader
      back={{ href: "/users", label: "Users" }}
      title={user.qualified}
      facts={
        <>
          {user.domain}
          {user.readOnly && " (Read-Only)"}
        </>
      }
      navLabel="User actions"
      tabs={TABS.filter((t) => actions.includes(t.action)).map((t) => ({ ...t, href: `/users/${user.id}${t.path}` }))}
      current={current}
    />
  );
}
