import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth.ts";
import { ADMIN_PAGES, seedPageFixtures, VIEWER_PAGES, visit, type Fixtures } from "./support/console-pages.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { adminTest, viewerTest } from "./support/signed-in.ts";

const PHONE = { width: 390, height: 844 };

/**
 * The page never scrolls sideways: a wide table scrolls inside its own box instead. Soft, so every
 * wizard step is checked; the message names the outermost elements that stick out.
 */
async function expectNoSideScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    const outermost = wide.filter((el) => !wide.includes(el.parentElement as Element));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      culprits: outermost.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
    };
  });
  expect
    .soft(scrollWidth, `${label} is ${scrollWidth} px wide in a ${clientWidth} px window: ${culprits.join(", ")}`)
    .toBeLessThanOrEqual(clientWidth);
}

let fixtures: Fixtures;
test.beforeAll(async ({ browser }) => {
  fixtures = await seedPageFixtures(browser);
});

for (const entry of ADMIN_PAGES) {
  adminTest(`admin at 390 px: ${entry.label}`, async ({ page }) => {
    // A wizard is several page states in one test.
    adminTest.slow(Boolean(entry.walk));
    await page.setViewportSize(PHONE);
    await visit(page, entry, fixtures, (label) => expectNoSideScroll(page, label));
  });
}

for (const entry of VIEWER_PAGES) {
  viewerTest(`viewer at 390 px: ${entry.label}`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await visit(page, entry, fixtures, (label) => expectNoSideScroll(page, label));
  });
}

test("sign-in and the forced password change fit 390 px", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/login");
  await expectNoSideScroll(page, "sign-in");
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await e2eDb().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await signIn(page, user.username, user.password);
  await page.goto("/");
  await expect(page).toHaveURL(/\/account\/password$/);
  await expectNoSideScroll(page, "forced password change");
  // Nothing to navigate to yet: no menu button and no empty navigation landmark.
  await expect(page.getByRole("navigation", { name: "Console" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Menu" })).toHaveCount(0);
});

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
