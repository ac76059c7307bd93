import { expect, type Locator } from "@playwright/test";

// A table row's actions live in one menu behind the row's "Actions for <name>" button
// (components/ui/table/row-actions.tsx); these open it the way a user does.

/** The row's menu button; absent when the row offers no action. */
export const rowMenuButton = (row: Locator) => row.getByRole("button", { name: /^Actions for / });

/** Clicks the row's menu button and returns the open menu. */
export async function openRowMenu(row: Locator): Promise<Locator> {
  await rowMenuButton(row).click();
  const menu = row.page().getByRole("menu");
  await expect(menu).toBeVisible();
  return menu;
}

/** Picks the item whose accessible name is `item` ("Delete alice") from the row's menu. */
export async function chooseRowAction(row: Locator, item: string | RegExp): Promise<void> {
  const menu = await openRowMenu(row);
  await menu.getByRole("menuitem", { name: item, exact: typeof item === "string" }).click();
}

/** The visible labels of the row's menu items, [] when it has no menu; the menu is closed again. */
export async function rowActions(row: Locator): Promise<string[]> {
  if ((await rowMenuButton(row).count()) === 0) return [];
  const menu = await openRowMenu(row);
  const labels = (await menu.getByRole("menuitem").allInnerTexts()).map((l) => l.trim());
  await row.page().keyboard.press("Escape");
  await expect(menu).toBeHidden();
  return labels;
}
