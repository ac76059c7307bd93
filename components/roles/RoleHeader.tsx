import Link from "next/link";
import type { RoleAction } from "@/lib/roles/role-rules";

const TABS: { action: RoleAction; label: string; href: (id: number) => string }[] = [
  { action: "viewUsers", label: "View Users", href: (id) => `/roles/${id}` },
  { action: "rename", label: "Rename", href: (id) => `/roles/${id}/rename` },
  { action: "permissions", label: "Edit Permissions", href: (id) => `/roles/${id}/permissions` },
  { action: "assignUsers", label: "Assign Users", href: (id) => `/roles/${id}/users` },
];

export function RoleHeader({ role, actions, current }: { role: { id: number; qualified: string; domain: string; readOnly: boolean; memberCount: number; kind: string }; actions: RoleAction[]; current: RoleAction }) {
  return (
    <div className="mb-6">
      <p className="text-sm"><Link href="/roles" className="text-brand-700 hover:underline">Roles</Link> /</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight break-all">{role.qualified}</h1>
      <p className="text-slate-600">
        {role.domain}
        {role.readOnly && " (Read-Only)"} · {role.kind === "everyone" ? "every user" : `${role.memberCount.toLocaleString("en")} members`}
      </p>
      <nav aria-label="Role actions" className="mt-3 flex flex-wrap gap-2">
        {TABS.filter((t) => actions.includes(t.action)).map((t) => (
          <Link
            key={t.action}
            href={t.href(role.id)}
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
