import type { ReactNode } from "react";

/**
 * A row's actions as plain markup, rendered on the server: no client component per row. The
 * table's one `RowActionsHost` gives them their behaviour (client-side navigation for the links,
 * the shared confirmation for the buttons), so a row costs its HTML and nothing more.
 */
export function RowActions({ children }: { children: ReactNode }) {
  return <div className="row-actions">{children}</div>;
}

/** A link to one of the row's pages; `name` is its accessible name, the visible text plus the row's name. */
export function RowLink({ href, name, children }: { href: string; name: string; children: string }) {
  return (
    <a href={href} aria-label={name}>
      {children}
    </a>
  );
}

/** What the shared confirmation acts on: the hidden fields it posts, the name its title shows, an optional sentence. */
export type ConfirmTarget = { id: number; version: number; name: string; detail?: string };

/** A destructive action's button: it carries its target, and the host opens the table's confirmation for it. */
export function RowConfirmButton({ label, target }: { label: string; target: ConfirmTarget }) {
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-label={`${label} ${target.name}`}
      data-confirm={label}
      data-id={target.id}
      data-version={target.version}
      data-name={target.name}
      data-detail={target.detail}
    >
      {label}
    </button>
  );
}
