"use client";

import { useEffect, useRef, useState } from "react";

const MenuIcon = ({ open }: { open: boolean }) => (
  <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
    {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
  </svg>
);

/**
 * Below `md` this button discloses the server-rendered navigation (`#${controls}`) above the page:
 * a disclosure, not a modal, so the page stays reachable and there is no focus trap. Opening moves
 * focus to the first link; Escape closes it and returns focus here; following a link closes it.
 * Only this button is client code: the frame and the links' markup cost no first-load JS.
 */
export function MenuButton({ controls }: { controls: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const nav = document.getElementById(controls);
    if (!nav) return;
    nav.dataset.open = String(open);
    if (!open) return;
    nav.querySelector("a")?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onFollow = (event: MouseEvent) => (event.target as Element).closest("a") && setOpen(false);
    document.addEventListener("keydown", onKey);
    nav.addEventListener("click", onFollow);
    return () => {
      document.removeEventListener("keydown", onKey);
      nav.removeEventListener("click", onFollow);
    };
  }, [open, controls]);

  return (
    <button
      ref={button}
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => setOpen(!open)}
      className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 md:hidden"
    >
      <MenuIcon open={open} />
      Menu
    </button>
  );
}
