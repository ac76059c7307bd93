import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth.ts";
import { expectAccessibleInBothThemes } from "./support/axe.ts";
import { ADMIN_PAGES, seedPageFixtures, VIEWER_PAGES, visit, type Fixtures } from "./support/console-pages.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { expectNoSideScroll, PHONE } from "./support/layout.ts";
import { adminTest, viewerTest } from "./support/signed-in.ts";

// Every console page and wizard step, as the admin and as the read-only viewer: WCAG 2.2 A/AA with
// axe in both themes (the OS preference, which the theme follows until the switch is used), then no
// sideways scroll at 390 px. Each page is loaded once: every state is scanned light, the emulated
// preference turns dark (no reload: next-themes follows the media query) and it is scanned again,
// then the window narrows to a phone's for the width check and widens back for the next state.
const DESKTOP = { width: 1280, height: 720 };

let fixtures: Fixtures;
test.beforeAll(async ({ browser }) => {
  fixtures = await seedPageFixtures(browser);
});

/** Runs once per page state. */
async function checkState(page: Page, label: string) {
  await expectAccessibleInBothThemes(page, label);
  await page.setViewportSize(PHONE);
  await expectNoSideScroll(page, `${label} at 390 px`);
  await page.setViewportSize(DESKTOP);
}

// One test per page, so a failure names its page and the rest still run.
for (const entry of ADMIN_PAGES) {
  adminTest(`admin: ${entry.label}`, async ({ page }) => {
    // A wizard is several page states in one test.
    adminTest.slow(Boolean(entry.walk));
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: "light" });
    await visit(page, entry, fixtures, (label) => checkState(page, label));
  });
}

for (const entry of VIEWER_PAGES) {
  viewerTest(`viewer: ${entry.label}`, async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: "light" });
    await visit(page, entry, fixtures, (label) => checkState(page, label));
  });
}

test("sign-in and the forced password change", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/login");
  await checkState(page, "sign-in");
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await e2eDb().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await signIn(page, user.username, user.password);
  await page.goto("/");
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await checkState(page, "forced password change");
  // Nothing to navigate to yet: no menu button and no empty navigation landmark, at any width.
  await page.setViewportSize(PHONE);
  await expect(page.getByRole("navigation", { name: "Console" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Menu" })).toHaveCount(0);
});
