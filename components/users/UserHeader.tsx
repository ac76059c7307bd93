import { EntityHeader } from "@/components/ui/EntityHeader";
import type { UserSummary, UserTab } from "@/lib/users/user-tabs";
import { AccountBadges } from "./AccountBadges";

const TABS: { tab: UserTab; label: string; path: string }[] = [
  { tab: "details", label: "Details", path: "" },
  { tab: "roles", label: "Roles", path: "/roles" },
  { tab: "permissions", label: "Permissions", path: "/permissions" },
  { tab: "sessions", label: "Sessions", path: "/sessions" },
  { tab: "events", label: "Events", path: "/events" },
];

/**
 * The user's name, store and account state, and the user page's tabs. Each tab is its own URL
 * (a link with aria-current="page"), not an ARIA tablist: a tablist switches panels within one
 * page, while these load a page each, which the links' semantics say truthfully.
 */
export function UserHeader({ user, tabs, current }: { user: UserSummary; tabs: UserTab[]; current: UserTab }) {
  return (
    <EntityHeader
      back={{ href: "/users", label: "Users" }}
      title={user.qualified}
      facts={
        <>
          {user.domain}
          {user.readOnly && " (Read-Only)"} <AccountBadges disabled={user.disabled} lockedUntil={user.lockedUntil} />
        </>
      }
      navLabel="User pages"
      tabs={TABS.filter((t) => tabs.includes(t.tab)).map((t) => ({ action: t.tab, label: t.label, href: `/users/${user.id}${t.path}` }))}
      current={current}
    />
  );
}
