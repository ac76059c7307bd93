import type { FormAction } from "@/lib/core/action-state";

/**
 * A table's row actions, declared once per table and given to its `RowActionsHost`. Texts and
 * fields are templates: `{key}` takes the value of that key from the row's `RowMenuButton`
 * (`{name}` is the row's name), so a row carries only its values, never the menu's markup.
 */
export type RowMenuItem = {
  /** Which rows offer it: a row's button lists the keys of the items it may use. */
  key: string;
  /** The item's visible text, e.g. "Change password". */
  label: string;
  /** Its accessible name, naming the row, e.g. "Change password of {name}"; `label {name}` when absent. */
  name?: string;
} & (
  | { href: string }
  /** A destructive action: the table's one confirmation dialog posts `fields` to `action`. */
  | { confirm: { action: FormAction; title: string; body: string; confirmLabel: string; fields: Record<string, string> } }
  /** A harmless action (test, sync now): posted at once, its result shown as a toast. */
  | { instant: { action: FormAction; fields: Record<string, string> } }
);

/** The Delete item of a table whose rows post their `id` and `version`, titled "Delete {name}?". */
export function deleteItem(action: FormAction, body: string, confirmLabel: string): RowMenuItem {
  return {
    key: "delete",
    label: "Delete",
    confirm: { action, title: "Delete {name}?", body, confirmLabel, fields: { id: "{id}", version: "{version}" } },
  };
}

/** A row's values for the item templates; `name` is always there. */
export type RowValues = Record<string, string>;

/**
 * A row's one tab stop: the button that opens the table's menu for this row. Plain server markup
 * (no client component per row): the table's `RowActionsHost` opens its single menu, anchored
 * here, and Escape returns focus here. Rows without any action get no button.
 */
export function RowMenuButton({ name, actions, values = {} }: { name: string; actions: string[]; values?: RowValues }) {
  if (actions.length === 0) return null;
  return (
    <button
      type="button"
      className="row-menu"
      aria-haspopup="menu"
      aria-expanded="false"
      aria-label={`Actions for ${name}`}
      data-row-menu={actions.join(" ")}
      data-values={JSON.stringify({ ...values, name })}
    >
      <span aria-hidden="true">⋯</span>
    </button>
  );
}

/** Fills `{key}` placeholders in one pass, so a value that looks like a placeholder stays as it is. */
export function fillTemplate(template: string, values: RowValues, encode?: (value: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return encode ? encode(value) : value;
  });
}
