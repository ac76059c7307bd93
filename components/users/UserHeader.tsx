import Link from "next/link";
import type { UserAction } from "@/lib/users/user-rules";

const TABS: { action: UserAction; label: string; href: (id: number) => string }[] = [
  { action: "viewRoles", label: "View Roles", href: (id) => `/users/${id}` },
  { action: "roles", label: "Assign Roles", href: (id) => `/users/${id}/roles` },
  { action: "password", label: "Change Password", href: (id) => `/users/${id}/password` },
  { action: "profile", label: "User Profile", href: (id) => `/users/${id}/profile` },
];

/** The user's name, store and the actions the viewer may take, shared by the user's pages. */
export function UserHeader({ user, actions, current }: { user: { id: number; qualified: string; domain: string; readOnly: boolean }; actions: UserAction[]; current: UserAction }) {
  return (
    <div className="mb-6">
      <p className="text-sm"><Link href="/users" className="text-brand-700 hover:underline">Users</Link> /</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight break-all">{user.qualified}</h1>
      <p className="text-slate-600">
        {user.domain}
        {user.readOnly && " (Read-Only)"}
      </p>
      <nav aria-label="User actions" className="mt-3 flex flex-wrap gap-2">
        {TABS.filter((t) => actions.includes(t.action)).map((t) => (
          <Link
            key={t.action}
            href={t.href(user.id)}
            aria-current={t.action === current ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm ${t.action === current ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
