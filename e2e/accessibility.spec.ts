import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { ADMIN_PAGES, seedPageFixtures, VIEWER_PAGES, visit, type Fixtures } from "./support/console-pages.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { adminTest, viewerTest } from "./support/signed-in.ts";

// WCAG 2.2 A/AA with axe on every console page and wizard step, as the admin and as the read-only
// viewer, in both themes (the OS preference, which the theme follows until the switch is used).
// Each page is loaded once: every state is scanned light, then the emulated preference turns dark
// (no reload: next-themes follows the media query) and it is scanned again.
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];

let fixtures: Fixtures;
test.beforeAll(async ({ browser }) => {
  fixtures = await seedPageFixtures(browser);
});

async function useTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
}

async function expectTheme(page: Page, theme: Theme) {
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /\blight\b/);
}

/** Scans the page as it stands in each theme, light first, then leaves it light for the next state. */
async function expectAccessibleInBothThemes(page: Page, label: string) {
  for (const theme of THEMES) {
    await useTheme(page, theme);
    await expectTheme(page, theme);
    await expectAccessible(page, `${label} (${theme})`);
  }
  await useTheme(page, "light");
  await expectTheme(page, "light");
}

// One test per page, so a failure names its page and the rest still run.
for (const entry of ADMIN_PAGES) {
  adminTest(`admin: ${entry.label}`, async ({ page }) => {
    // A wizard is several page states in one test.
    adminTest.slow(Boolean(entry.walk));
    await useTheme(page, "light");
    await visit(page, entry, fixtures, (label) => expectAccessibleInBothThemes(page, label));
  });
}

for (const entry of VIEWER_PAGES) {
  viewerTest(`viewer: ${entry.label}`, async ({ page }) => {
    await useTheme(page, "light");
    await visit(page, entry, fixtures, (label) => expectAccessibleInBothThemes(page, label));
  });
}

test("sign-in and the forced password change", async ({ page }) => {
  await useTheme(page, "light");
  await page.goto("/login");
  await expectAccessibleInBothThemes(page, "sign-in");
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await e2eDb().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await signIn(page, user.username, user.password);
  await page.goto("/account/password");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessibleInBothThemes(page, "forced password change");
});

adminTest("the open menu at 390 px", async ({ page }) => {
  await useTheme(page, "light");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/users");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
  await expectAccessibleInBothThemes(page, "open menu");
});

adminTest("the theme switch overrides the OS and is applied before the first paint", async ({ page }) => {
  await useTheme(page, "light");
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
  await expectTheme(page, "light");
  const theme = page.getByLabel("Theme");
  await expect(theme).toHaveValue("system");
  await theme.selectOption("dark");
  await expectTheme(page, "dark");
  await page.reload();
  await expect(theme).toHaveValue("dark");
  expect(await page.evaluate(() => (window as unknown as { darkAtHeader?: boolean }).darkAtHeader)).toBe(true);
  await expectTheme(page, "dark");
  await theme.selectOption("system");
  await expectTheme(page, "light");
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
