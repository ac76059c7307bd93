"use client";

import {
  lazy,
  startTransition,
  Suspense,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { useRouter } from "next/navigation";
import { toastWhile } from "../toast";
import type { ConfirmRequest } from "./RowConfirmDialog";
import { fillTemplate, type RowMenuItem, type RowValues } from "./row-actions";
import type { MenuTarget } from "./RowMenu";

// Radix's menu is ~20 kB of gzip, more than the first-load budget allows (docs/performance.md):
// it is fetched when the host mounts, after the page is interactive, and the first open waits
// for it only when it comes sooner than that.
const RowMenu = lazy(() => import("./RowMenu"));
// The confirmation dialog likewise: a request made before it arrives opens it on arrival.
const RowConfirmDialog = lazy(() => import("./RowConfirmDialog").then((m) => ({ default: m.RowConfirmDialog })));

/** A plain left click on a same-origin link, which the router may take over. */
function routable(event: MouseEvent, link: HTMLAnchorElement): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) &&
    !link.target &&
    !link.hasAttribute("download") &&
    link.origin === window.location.origin
  );
}

function targetOf(button: HTMLButtonElement): MenuTarget {
  return { button, keys: (button.dataset.rowMenu ?? "").split(" "), values: JSON.parse(button.dataset.values ?? "{}") };
}

/**
 * The one client island behind a table's row actions. Rows are server markup: a name link and a
 * `RowMenuButton`. Clicks and keys bubble up here: a plain link navigates client-side as
 * `next/link` would, and a row's button (click, Enter, Space, ArrowDown) opens the table's one
 * menu for that row. A destructive item opens the table's one confirmation dialog; a harmless
 * one runs at once. Results are toasts.
 */
export function RowActionsHost({ items, children }: { items: RowMenuItem[]; children: ReactNode }) {
  const router = useRouter();
  const [target, setTarget] = useState<MenuTarget | null>(null);
  const [open, setOpen] = useState(false);
  // Opened by Enter, Space or ArrowDown: the menu's first item takes focus (RowMenu).
  const [byKeyboard, setByKeyboard] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  // A press on the open menu's own button closes the menu (Radix dismisses it as an outside
  // press) and must not reopen it with the click that follows.
  const closingPress = useRef(false);

  // The row's button is not React's to render: its expanded state is set here.
  useEffect(() => {
    if (!target) return;
    target.button.setAttribute("aria-expanded", String(open));
  }, [target, open]);

  function openFor(button: HTMLButtonElement, keyboard: boolean) {
    setTarget(targetOf(button));
    setByKeyboard(keyboard);
    setOpen(true);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    closingPress.current = open && target !== null && target.button.contains(event.target as Node);
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const element = event.target as Element;
    const trigger = element.closest<HTMLButtonElement>("button[data-row-menu]");
    if (trigger && closingPress.current) {
      closingPress.current = false;
      return;
    }
    if (trigger) {
      // Enter and Space on a button are clicks too, with no pointer press counted (detail 0).
      openFor(trigger, event.detail === 0);
      return;
    }
    const link = element.closest("a");
    if (link && routable(event, link)) {
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowDown") return;
    const trigger = (event.target as Element).closest<HTMLButtonElement>("button[data-row-menu]");
    if (!trigger) return;
    event.preventDefault();
    openFor(trigger, true);
  }

  function runInstant(item: RowMenuItem, values: RowValues) {
    if (!("instant" in item)) return;
    const form = new FormData();
    for (const [name, value] of Object.entries(item.instant.fields)) form.set(name, fillTemplate(value, values));
    startTransition(() =>
      toastWhile(`${fillTemplate(item.name ?? `${item.label} {name}`, values)}…`, () => item.instant.action(null, form)),
    );
  }

  return (
    <>
      {/* Clicks and keys bubble here from the rows' own links and buttons, which keyboard users operate directly. */}
      <div onPointerDownCapture={onPointerDown} onClick={onClick} onKeyDown={onKeyDown}>
        {children}
      </div>
      <Suspense fallback={null}>
        <RowMenu
          items={items}
          target={target}
          open={open}
          byKeyboard={byKeyboard}
          onOpenChange={setOpen}
          onConfirm={(item, values) => setConfirm({ item, values, opener: target?.button ?? null })}
          onInstant={runInstant}
        />
        <RowConfirmDialog request={confirm} />
      </Suspense>
    </>
  );
}
