import type { FeatureKey } from "@/lib/authz/features";

export type NavItem = { href: string; label: string; feature: FeatureKey };
export type NavGroup = { label: string; items: NavItem[] };

/** Grouped like the WSO2 console. Each link names the feature its page checks on the server. */
export const NAVIGATION: NavGroup[] = [
  { label: "Main", items: [{ href: "/", label: "Home", feature: "console.signIn" }] },
  {
    label: "Users and Roles",
    items: [
      { href: "/users", label: "Users", feature: "users.list" },
      { href: "/roles", label: "Roles", feature: "roles.list" },
    ],
  },
  {
    label: "Settings",
    items: [
      { href: "/settings/role-permissions", label: "Role Permissions", feature: "scopes.manage" },
      { href: "/settings/user-stores", label: "User Stores", feature: "stores.view" },
      { href: "/settings/claims", label: "Claims", feature: "claims.view" },
    ],
  },
  { label: "Multitenancy", items: [{ href: "/tenants", label: "Tenants", feature: "tenants.view" }] },
  {
    label: "Monitor",
    items: [
      { href: "/sessions", label: "Sessions", feature: "sessions.list" },
      { href: "/audit", label: "Audit log", feature: "audit.read" },
    ],
  },
];

export function visibleNavigation(allowed: ReadonlySet<FeatureKey>): NavGroup[] {
  return NAVIGATION.map((g) => ({ ...g, items: g.items.filter((i) => allowed.has(i.feature)) })).filter((g) => g.items.length > 0);
}
