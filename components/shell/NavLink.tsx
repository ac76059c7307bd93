"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

// Console pages authorize before they render (so a refusal is a real 403), which rules out
// a loading.tsx skeleton; the clicked link shows the wait instead.
function PendingHint() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span
      role="status"
      className="ml-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-600 border-t-transparent align-middle"
    >
      <span className="sr-only">Loading…</span>
    </span>
  ) : null;
}

export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-100 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
      <PendingHint />
    </Link>
  );
}
