import { expect } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions.ts";
import { e2eDb } from "./support/db.ts";
import { adminTest, openViewerPage } from "./support/signed-in.ts";
import { chooseRowAction } from "./support/row-menu.ts";
import { fillLdapForm } from "./support/stores.ts";

const unique = () => `E2E-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

adminTest("add a store after a failing connection test, edit it keeping the secret, disable and delete it", async ({ page }) => {
  const domain = unique();
  await fillLdapForm(page, domain);
  await page.getByRole("button", { name: "Test connection" }).click();
  // Nothing listens on port 1 (or LDAP is not built yet): the failing step says why.
  const result = page.getByRole("region", { name: "Connection test" });
  await expect(result.getByRole("listitem").last()).toContainText("✗");
  await expect(result.getByRole("listitem").last()).not.toHaveText(/—\s*\(/);

  await page.getByRole("button", { name: "Add user store" }).click();
  await expect(page.getByText(`${domain} added.`)).toBeVisible();
  // The toast is the one confirmation: the address drops the parameter, so a reload shows nothing.
  await expect(page).toHaveURL(/\/settings\/user-stores$/);
  const row = page.getByRole("row").filter({ hasText: domain });
  await expect(row).toContainText("LDAP");
  const stored = await e2eDb().userStore.findFirstOrThrow({ where: { domain } });
  expect(stored.settings).not.toContain("e2e-bind-secret");

  await chooseRowAction(row, `Edit ${domain}`);
  await expect(page.getByLabel("Bind password")).toHaveValue("");
  await page.getByLabel("Description").fill("Edited in e2e");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`${domain} saved.`)).toBeVisible();
  const edited = await e2eDb().userStore.findFirstOrThrow({ where: { domain } });
  expect(edited.description).toBe("Edited in e2e");
  expect(JSON.parse(edited.settings!).bindPassword).toBe(JSON.parse(stored.settings!).bindPassword);

  await chooseRowAction(page.getByRole("row").filter({ hasText: domain }), `Disable ${domain}`);
  await page
    .getByRole("dialog", { name: `Disable ${domain}?` })
    .getByRole("button", { name: "Disable store" })
    .click();
  await expect(page.getByText(`${domain} disabled.`)).toBeVisible();
  expect((await e2eDb().userStore.findFirstOrThrow({ where: { domain } })).enabled).toBe(false);

  await chooseRowAction(page.getByRole("row").filter({ hasText: domain }), `Delete ${domain}`);
  await expect(page.getByText("0 mirrored users and 0 groups are removed from Gatehouse.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Type the domain to delete" })).toBeVisible();
  await page.getByLabel(`Type ${domain} to confirm`).fill(domain.toLowerCase());
  await page.getByRole("button", { name: `Delete ${domain}` }).click();
  await expect(page.getByText(`${domain} deleted (0 users, 0 groups removed).`)).toBeVisible();
  expect(await e2eDb().userStore.count({ where: { domain } })).toBe(0);
});

adminTest(
  "a user without the User Store Management nodes cannot open the page, and a delete posted directly is refused",
  async ({ page, browser }) => {
    const domain = unique();
    await fillLdapForm(page, domain);
    await page.getByRole("button", { name: "Add user store" }).click();
    await expect(page.getByText(`${domain} added.`)).toBeVisible();
    await chooseRowAction(page.getByRole("row").filter({ hasText: domain }), `Delete ${domain}`);
    await page.getByLabel(`Type ${domain} to confirm`).fill(domain);
    const action = await captureAction(page, () => page.getByRole("button", { name: `Delete ${domain}` }).click());

    const viewer = await openViewerPage(browser);
    expect((await viewer.goto("/settings/user-stores"))?.status()).toBe(403);
    await viewer.goto("/");
    await expect(viewer.getByRole("link", { name: "User Stores" })).toHaveCount(0);
    const refused = await replayAction(viewer, action);
    expect(refused.text).toContain("You do not have permission to delete secondary user stores.");
    expect(await e2eDb().userStore.count({ where: { domain } })).toBe(1);
  },
);

adminTest("the store form shows every field's error at once, and each goes when it is fixed", async ({ page }) => {
  const domain = unique();
  await page.goto("/settings/user-stores/new");
  await page.getByLabel("Domain name").fill("bad_domain");
  await page.getByLabel("Bind DN").fill("cn=gatehouse,dc=example,dc=com");
  await page.getByRole("button", { name: "Add user store" }).click();
  // Two invalid fields, two errors at once (the browser's check, or the server's with the same schema).
  await expect(page.locator("#field-domain-error")).toContainText("letters, digits, “.” and “-” only");
  await expect(page.locator("#field-urls-error")).not.toBeEmpty();
  await expect(page.getByLabel("Domain name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Connection URLs")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Domain name").fill(domain);
  await expect(page.locator("#field-domain-error")).toBeEmpty();
  await expect(page.locator("#field-urls-error")).not.toBeEmpty();
  expect(await e2eDb().userStore.count({ where: { domain } })).toBe(0);
});

// The store pages themselves must not be wider than <main> at 390 px (the whole page is checked
// by e2e/console-pages.spec.ts).
adminTest("the store form fits a 390 px screen and is reached by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/settings/user-stores/new", "/settings/user-stores"]) {
    await page.goto(path);
    const overflow = await page.locator("main").evaluate((main) => main.scrollWidth - main.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await page.goto("/settings/user-stores/new");
  await page.getByLabel("Store type").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Domain name")).toBeFocused();
});
