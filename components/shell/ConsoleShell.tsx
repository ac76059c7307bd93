import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./Logo";
import { MenuButton } from "./MenuButton";
import { NavLink } from "./NavLink";
import type { NavGroup } from "./navigation";

const NAV_ID = "console-nav";

function NavPanel({ groups }: { groups: NavGroup[] }) {
  return (
    // Hidden below md until MenuButton sets data-open; at md and up it is a sidebar.
    <nav
      id={NAV_ID}
      aria-label="Console"
      data-open="false"
      className="hidden shrink-0 border-b border-slate-200 bg-white px-3 py-4 data-[open=true]:block md:block md:w-56 md:border-r md:border-b-0"
    >
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
  );
}

/**
 * The console's frame, rendered on the server. From `md` up the navigation is a sidebar; below it
 * MenuButton discloses it above the page. `account` is the header's right side.
 */
export function ConsoleShell({ groups, account, children }: { groups: NavGroup[]; account: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
        {groups.length > 0 && <MenuButton controls={NAV_ID} />}
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <Logo />
          Gatehouse
        </Link>
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-4 gap-y-2">{account}</div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        {groups.length > 0 && <NavPanel groups={groups} />}
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
