import { expect, type Locator, type Page } from "@playwright/test";

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses `key` (Tab by default) until `target` has focus, as a keyboard-only user would; fails after `max` presses. */
export async function pressUntilFocused(page: Page, target: Locator, key = "Tab", max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** Tabs to `target` and presses Enter, as a keyboard-only user activates a button. */
export async function activate(page: Page, target: Locator, key = "Tab"): Promise<void> {
  await pressUntilFocused(page, target, key);
  await page.keyboard.press("Enter");
}

/** No horizontal scrolling inside `root`: everything in it fits its width (the 390 px check). */
export async function expectNoSidewaysScroll(root: Locator): Promise<void> {
  const { scroll, client } = await root.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll, "content wider than its box").toBeLessThanOrEqual(client + 1);
}
