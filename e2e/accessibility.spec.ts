import { expect } from "@playwright/test";
import { expectAccessible, expectAccessibleInBothThemes } from "./support/axe.ts";
import { adminTest } from "./support/signed-in.ts";

// Axe beyond the page sweep of e2e/console-pages.spec.ts: the open menu at 390 px in both themes,
// the theme switch, and the navigation progress bar.
adminTest("the open menu at 390 px", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/users");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "open menu");
});

adminTest("the theme switch overrides the OS and is applied before the first paint", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  // Records whether <html> was already dark when the parser reached the header, long before React
  // hydrates: a theme set only by hydration would show the light page first.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector("header")) return;
      (window as unknown as { darkAtHeader: boolean }).darkAtHeader = document.documentElement.classList.contains("dark");
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto("/users");
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
  const theme = page.getByLabel("Theme");
  await expect(theme).toHaveValue("system");
  await theme.selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  await expect(theme).toHaveValue("dark");
  expect(await page.evaluate(() => (window as unknown as { darkAtHeader?: boolean }).darkAtHeader)).toBe(true);
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await theme.selectOption("system");
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
});

adminTest("a slow navigation shows the progress bar", async ({ page }) => {
  await page.goto("/");
  // The bar starts from the client-side router's link clicks, and its code arrives after
  // hydration (NavigationProgress): wait until it is listening, so the click is not missed.
  await expect(page.locator("html")).toHaveAttribute("data-navigation-progress", "ready");
  // Holds the next page's server response back so the navigation stays pending.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/roles(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.locator(".bprogress .bar")).toBeVisible();
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await expect(page.locator(".bprogress")).toHaveCount(0);
});

// The sweep's checker itself: a page with a violation must fail it, or every axe test above could pass vacuously.
adminTest("the axe check fails on a page that breaks a rule", async ({ page }) => {
  await page.setContent(`<html lang="en"><title>t</title><main><h1>t</h1><img src="data:,"><button></button></main></html>`);
  const failure = await expectAccessible(page, "broken page").then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt");
  expect(failure).toContain("button-name");
});
