import Link from "next/link";

const PAGES = [
  { href: "/settings/role-permissions", label: "Scope Assignments" },
  { href: "/settings/role-permissions/matrix", label: "Scope matrix" },
  { href: "/settings/role-permissions/tenant-conf", label: "tenant-conf.json" },
] as const;

/** The header links between the scope-mapping pages (Settings › Role Permissions), leaving out the page they sit on. */
export function ScopeMappingsLinks({ current }: { current: (typeof PAGES)[number]["href"] }) {
  return (
    <>
      {PAGES.filter((p) => p.href !== current).map((p) => (
        <Link key={p.href} href={p.href} className="text-sm text-brand-700 underline-offset-2 hover:underline">
          {p.label}
        </Link>
      ))}
    </>
  );
}
