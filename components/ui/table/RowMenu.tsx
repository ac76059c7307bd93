"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { useImperativeHandle, useRef, type Ref } from "react";
import { fillTemplate, type RowMenuItem, type RowValues } from "./row-actions";

/** The row whose menu is open: its server-rendered button, the items it may use, its values. */
export type MenuTarget = { button: HTMLButtonElement; keys: string[]; values: RowValues };

type Props = {
  items: RowMenuItem[];
  target: MenuTarget | null;
  open: boolean;
  /** Opened from the keyboard: focus goes to the first item, as WAI-ARIA's menu button asks. */
  byKeyboard: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (item: RowMenuItem, values: RowValues) => void;
  onInstant: (item: RowMenuItem, values: RowValues) => void;
};

/**
 * Radix's trigger is the row's own button, which the server rendered: this hands that element
 * to Radix's ref (Radix anchors the menu to it and returns focus to it) and renders nothing. The
 * host does the trigger's part itself (click, Enter, Space, ArrowDown open; aria-expanded).
 */
function AdoptedTrigger({ element, ref }: { element: HTMLElement; ref?: Ref<HTMLElement> }) {
  useImperativeHandle(ref, () => element, [element]);
  return null;
}

const ITEM =
  "block cursor-pointer rounded px-3 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-700";

/**
 * The table's one row menu (Radix DropdownMenu: roving focus, arrows, Home/End, type-ahead,
 * Escape back to the row's button). Loaded after the page is interactive (RowActionsHost).
 */
export default function RowMenu({ items, target, open, byKeyboard, onOpenChange, onConfirm, onInstant }: Props) {
  // A confirmation opens once the menu has closed and released focus, not from inside it.
  const confirming = useRef<RowMenuItem | null>(null);
  // The root stays mounted without a target: it tracks whether the keyboard or a pointer is in
  // use, so a menu opened by Enter, Space or ArrowDown focuses its first item and a click does not.
  if (!target) return <Menu.Root open={false} modal={false} />;
  const { values } = target;
  const offered = items.filter((item) => target.keys.includes(item.key));
  const nameOf = (item: RowMenuItem) => fillTemplate(item.name ?? `${item.label} {name}`, values);
  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while its controls stay
    // focusable (axe's aria-hidden-focus); the menu still keeps Tab inside and closes on Escape
    // or a press outside.
    <Menu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <Menu.Trigger asChild>
        <AdoptedTrigger element={target.button} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          // The row's button has no id Radix knows: the menu names the row itself.
          aria-labelledby={undefined}
          aria-label={`Actions for ${values.name}`}
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 text-slate-800 shadow-lg dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          onFocus={(event) => {
            // Radix tells keyboard from pointer by the keys it has seen, but this menu's code can
            // arrive after the Enter that opened it (the first open on a fresh load), and then it
            // focuses the menu itself: the host knows, so the first item takes focus.
            if (byKeyboard && event.target === event.currentTarget)
              event.currentTarget.querySelector<HTMLElement>("[role=menuitem]")?.focus();
          }}
          onCloseAutoFocus={(event) => {
            const item = confirming.current;
            if (!item) return;
            confirming.current = null;
            event.preventDefault();
            onConfirm(item, values);
          }}
        >
          {offered.map((item) =>
            "href" in item ? (
              <Menu.Item key={item.key} asChild className={ITEM}>
                <Link href={fillTemplate(item.href, values, encodeURIComponent)} aria-label={nameOf(item)}>
                  {item.label}
                </Link>
              </Menu.Item>
            ) : (
              <Menu.Item
                key={item.key}
                aria-label={nameOf(item)}
                className={`${ITEM} ${"confirm" in item ? "text-red-700 dark:text-red-300" : ""}`}
                onSelect={() => {
                  if ("confirm" in item) confirming.current = item;
                  else onInstant(item, values);
                }}
              >
                {item.label}
              </Menu.Item>
            ),
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
