import Link from "next/link";
import type { ReactNode } from "react";
import { requireSession } from "@/lib/transport/guard";
import { allowedFeatures } from "@/lib/authz/decide";
import { Logo } from "@/components/shell/Logo";
import { NavLink } from "@/components/shell/NavLink";
import { SignOutButton } from "@/components/shell/SignOutButton";
import { visibleNavigation } from "@/components/shell/navigation";
import { Alert } from "@/components/ui/Alert";

// The shell only decides what to show. Each page checks its own permission on the server.
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await requireSession();
  const groups = principal.mustChangePassword ? [] : visibleNavigation(allowedFeatures(principal));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <Logo />
          Gatehouse
        </Link>
        <div className="flex items-center gap-4">
          <span className="text-sm text-slate-600">
            Signed in as{" "}
            <strong data-testid="current-user" className="text-slate-900">
              {principal.displayName}
            </strong>
          </span>
          <Link href="/account/password" className="text-sm text-slate-700 underline-offset-2 hover:underline">
            Change password
          </Link>
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Console" className="w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-4">
          {groups.map((group) => (
            <div key={group.label} className="mb-4">
              <h2 className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{group.label}</h2>
              <ul>
                {group.items.map((item) => (
                  <li key={item.href}>
                    <NavLink href={item.href} label={item.label} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="flex-1 px-8 py-6">
          {principal.mustChangePassword && (
            <div className="mb-6">
              <Alert tone="warning" title="You are using the default password">
                Anyone who knows WSO2&apos;s defaults can sign in as you. Choose a new password to use the console.
              </Alert>
            </div>
          )}
          {children}
        </main>
      </div>
    </div>
  );
}
