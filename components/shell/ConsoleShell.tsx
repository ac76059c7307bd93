"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { flushSync } from "react-dom";
import { Logo } from "./Logo";
import { NavLink } from "./NavLink";
import type { NavGroup } from "./navigation";

const MenuIcon = ({ open }: { open: boolean }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
    {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
  </svg>
);

type NavPanelProps = { groups: NavGroup[]; open: boolean; panel: RefObject<HTMLElement | null>; onFollow: () => void };

function NavPanel({ groups, open, panel, onFollow }: NavPanelProps) {
  return (
    <nav
      ref={panel}
      id="console-nav"
      aria-label="Console"
      // A followed link closes the menu; at md and up it is a sidebar and `open` has no effect.
      onClick={(event) => (event.target as Element).closest("a") && onFollow()}
      className={`${open ? "block" : "hidden"} shrink-0 border-b border-slate-200 bg-white px-3 py-4 md:block md:w-56 md:border-r md:border-b-0`}
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
 * The console's frame. From `md` up the navigation is a sidebar; below it a Menu button discloses
 * it above the page (a disclosure, not a modal: the page stays reachable, so no focus trap). Opening
 * moves focus to the first link; Escape closes it and returns focus to the button; following a
 * link closes it. `account` is the header's server-rendered right side.
 */
export function ConsoleShell({ groups, account, children }: { groups: NavGroup[]; account: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const toggle = () => {
    if (open) return setOpen(false);
    // Rendered synchronously so the first link is visible, and focusable, right away.
    flushSync(() => setOpen(true));
    nav.current?.querySelector("a")?.focus();
  };

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
        {groups.length > 0 && (
          <button
            ref={button}
            type="button"
            aria-expanded={open}
            aria-controls="console-nav"
            onClick={toggle}
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 md:hidden"
          >
            <MenuIcon open={open} />
            Menu
          </button>
        )}
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <Logo />
          Gatehouse
        </Link>
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-4 gap-y-2">{account}</div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        {groups.length > 0 && <NavPanel groups={groups} open={open} panel={nav} onFollow={() => setOpen(false)} />}
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
