import crypto from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { captureAction, replayAction, type CapturedAction } from "./support/actions.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb } from "./support/db.ts";
import { chooseRowAction, rowActions } from "./support/row-menu.ts";
import { adminTest } from "./support/signed-in.ts";

// Issue #15's console: the super admin manages tenants from /tenants; a tenant's own admin, who
// holds "/permission", neither sees nor reaches any of it.

const PASSWORD = "the new tenant admin's password";
const REFUSED = "You do not have permission to add, activate, deactivate, edit and delete tenants.";
const newDomain = () => `acme-${crypto.randomBytes(4).toString("hex")}.com`;

async function fillNewTenant(page: Page, domain: string, confirm = PASSWORD) {
  await page.goto("/tenants/new");
  await expect(page.getByRole("heading", { level: 1, name: "Add New Tenant" })).toBeVisible();
  await page.getByLabel("Domain", { exact: true }).fill(domain);
  await page.getByLabel("Admin username").fill("admin");
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(confirm);
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Last name").fill("Lovelace");
  await page.getByLabel("Email").fill(`ada@${domain}`);
}

/** The tenant's row on the list, searched by its domain. */
async function tenantRow(page: Page, domain: string) {
  await page.goto(`/tenants?q=${domain}`);
  await expect(page.getByRole("heading", { level: 1, name: "Tenants" })).toBeVisible();
  return page.getByRole("row").filter({ hasText: domain });
}

/** The tenant's admin, signed in as admin@domain in a browser of its own. */
async function signInTenantAdmin(browser: Browser, domain: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, `admin@${domain}`, PASSWORD);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page;
}

adminTest(
  "the super admin adds a tenant; its admin sees the tenant but not the Tenants page, and is refused a forged create or deactivate",
  async ({ page, browser }) => {
    // Two tenants' provisioning, three browsers, several axe scans: long on a loaded machine.
    adminTest.slow();
    const domain = newDomain();
    await page.goto("/tenants");
    await expect(page.getByRole("heading", { level: 1, name: "Tenants" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Tenants" })).toBeVisible();
    await expect(page.getByTestId("current-tenant")).toHaveText("carbon.super");
    await expectAccessible(page, "tenants");

    // Errors per field: the passwords differ (checked in the browser, or by the server before it loads).
    await fillNewTenant(page, domain, "something else entirely");
    await expectAccessible(page, "add new tenant");
    await page.getByRole("button", { name: "Add Tenant" }).click();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();
    await expect(page.getByLabel("Confirm password")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Confirm password").fill(PASSWORD);
    await page.getByRole("button", { name: "Add Tenant" }).click();
    await expect(page.getByText(`Tenant ${domain} added.`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/tenants\\?q=${domain.replace(/\./g, "\\.")}$`));
    const row = page.getByRole("row").filter({ hasText: domain });
    await expect(row).toContainText("Active");
    await expect(row).toContainText(`ada@${domain}`);
    // The admin's own domain is taken now: the server's answer lands on the field.
    await fillNewTenant(page, domain);
    await page.getByRole("button", { name: "Add Tenant" }).click();
    await expect(page.getByText(`A tenant with the domain “${domain}” already exists.`)).toBeVisible();

    // The two writes the tenant's admin will forge, captured from the super admin's own console.
    const forgedDomain = newDomain();
    await fillNewTenant(page, forgedDomain);
    const create = await captureAction(page, () => page.getByRole("button", { name: "Add Tenant" }).click());
    await chooseRowAction(await tenantRow(page, domain), `Deactivate ${domain}`);
    const dialog = page.getByRole("dialog", { name: `Deactivate ${domain}?` });
    const deactivate = await captureAction(page, () => dialog.getByRole("button", { name: "Deactivate tenant" }).click());

    const tenantAdmin = await signInTenantAdmin(browser, domain);
    await expect(tenantAdmin.getByTestId("current-user")).toHaveText("admin");
    await expect(tenantAdmin.getByTestId("current-tenant")).toHaveText(domain);
    // Its admin role holds "/permission", yet the Super Admin features are the super tenant's.
    await expect(tenantAdmin.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Users" })).toBeVisible();
    await expect(tenantAdmin.getByRole("link", { name: "Tenants" })).toHaveCount(0);
    expect((await tenantAdmin.goto("/tenants"))?.status()).toBe(403);
    expect((await tenantAdmin.goto("/tenants/new"))?.status()).toBe(403);
    const tenant = await e2eDb().tenant.findUniqueOrThrow({ where: { domain } });
    expect((await tenantAdmin.goto(`/tenants/${tenant.id}/delete`))?.status()).toBe(403);
    await expectForgedRefused(tenantAdmin, create);
    await expectForgedRefused(tenantAdmin, deactivate);
    expect(await e2eDb().tenant.count({ where: { domain: forgedDomain } })).toBe(0);
    expect((await e2eDb().tenant.findUniqueOrThrow({ where: { domain } })).active).toBe(true);
    await tenantAdmin.context().close();
  },
);

async function expectForgedRefused(page: Page, action: CapturedAction) {
  const refused = await replayAction(page, action);
  expect(refused.text).toContain(REFUSED);
}

adminTest(
  "editing the contact, deactivating (which ends the tenant admin's session) and deleting with the typed domain",
  async ({ page, browser }) => {
    adminTest.slow();
    const domain = newDomain();
    await fillNewTenant(page, domain);
    await page.getByRole("button", { name: "Add Tenant" }).click();
    await expect(page.getByText(`Tenant ${domain} added.`)).toBeVisible();
    const tenantAdmin = await signInTenantAdmin(browser, domain);

    let row = page.getByRole("row").filter({ hasText: domain });
    // An active tenant cannot be deleted: its menu offers no Delete.
    expect(await rowActions(row)).toEqual(["Deactivate", "Edit contact details"]);
    await chooseRowAction(row, `Edit contact details of ${domain}`);
    await expect(page.getByRole("heading", { level: 1, name: `Contact details of ${domain}` })).toBeVisible();
    await expectAccessible(page, "edit tenant contact");
    await page.getByLabel("Email").fill("not an address");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter an email address.")).toBeVisible();
    await page.getByLabel("Email").fill(`grace@${domain}`);
    await page.getByLabel("First name").fill("Grace");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Contact details of ${domain} saved.`)).toBeVisible();
    row = page.getByRole("row").filter({ hasText: domain });
    await expect(row).toContainText(`grace@${domain}`);

    await chooseRowAction(row, `Deactivate ${domain}`);
    const dialog = page.getByRole("dialog", { name: `Deactivate ${domain}?` });
    await expect(dialog).toContainText("signed out at once");
    await expectAccessible(page, "deactivate tenant dialog", "dialog");
    await dialog.getByRole("button", { name: "Deactivate tenant" }).click();
    await expect(page.getByText(`${domain} deactivated; 1 session ended.`)).toBeVisible();
    await expect(row).toContainText("Inactive");
    // The tenant admin's open session ended with it: the next page load goes to sign-in.
    await tenantAdmin.goto("/users");
    await expect(tenantAdmin).toHaveURL(/\/login/);
    await tenantAdmin.context().close();

    expect(await rowActions(row)).toEqual(["Activate", "Edit contact details", "Delete"]);
    await chooseRowAction(row, `Delete ${domain}`);
    await expect(page.getByRole("heading", { level: 1, name: `Delete ${domain}` })).toBeVisible();
    await expectAccessible(page, "delete tenant");
    // A wrong domain is refused by the server too (the button names what to do until it matches).
    await page.getByLabel(`Type ${domain} to confirm`).fill("acme.com");
    await page.getByRole("button", { name: "Type the domain to delete" }).click();
    await expect(page.getByText(`Type ${domain} to confirm.`)).toBeVisible();
    expect(await e2eDb().tenant.count({ where: { domain } })).toBe(1);
    await page.getByLabel(`Type ${domain} to confirm`).fill(domain);
    await page.getByRole("button", { name: `Delete ${domain}` }).click();
    await expect(
      page.getByText(new RegExp(`Tenant ${domain.replace(/\./g, "\\.")} deleted \\(1 user, \\d+ roles removed\\)\\.`)),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/tenants$/);
    expect(await e2eDb().tenant.count({ where: { domain } })).toBe(0);
  },
);
