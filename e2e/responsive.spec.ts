import { expect } from "@playwright/test";
import { PHONE } from "./support/layout.ts";
import { adminTest } from "./support/signed-in.ts";

// The navigation and tables at a phone's width; every page's width is checked by e2e/console-pages.spec.ts.

adminTest("at 390 px the navigation is a menu a keyboard opens, walks and closes", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/users");
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // Skip link first, then the menu button.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Home" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Users" })).toBeFocused();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");

  // Escape closes it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  // Space opens it again; following a link navigates and closes it.
  await page.keyboard.press("Space");
  await expect(nav.getByRole("link", { name: "Home" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Roles" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/roles$/);
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

adminTest("from md up the navigation is a sidebar and there is no menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/users");
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Roles" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});

adminTest("a wide table scrolls inside its own box, reachable by keyboard", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/roles");
  const box = page.getByRole("region", { name: "Roles", exact: true });
  await expect(box).toHaveAttribute("tabindex", "0");
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await box.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});
