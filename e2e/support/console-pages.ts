import { expect, type Browser, type Page } from "@playwright/test";
import { deactivateTenant, e2eDb, IN_SUPER_TENANT, seedTenant, seedUser } from "./db.ts";
import { seedRole, unique } from "./seed.ts";
import { openAdminPage } from "./signed-in.ts";
import { fillLdapForm } from "./stores.ts";

/** Runs once per page state: an axe scan, a width check, a screenshot. */
export type Check = (label: string) => Promise<void>;

/** One console page; `walk` reaches its further states (wizard steps) after the first check. */
export type ConsolePage = { label: string; path: (f: Fixtures) => string; walk?: (page: Page, check: Check, f: Fixtures) => Promise<void> };

export type Fixtures = { userId: number; roleId: number; roleName: string; storeId: number; tenantId: number; claimId: number };

/**
 * What the pages need to show something: a user in a role, a role without a scope mapping (for the
 * mapping wizard's second step), a secondary store, added through the console as an admin does, and
 * a deactivated tenant (whose delete page shows the typed confirmation).
 */
export async function seedPageFixtures(browser: Browser): Promise<Fixtures> {
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  const role = await seedRole({ grants: ["/permission/admin/login"], memberIds: [user.id] });
  const domain = unique("PAGES").toUpperCase();
  const page = await openAdminPage(browser);
  await fillLdapForm(page, domain);
  await page.getByRole("button", { name: "Add user store" }).click();
  // Back on the list once the store is saved (the "added" notice is a toast now).
  await expect(page).toHaveURL(/\/settings\/user-stores(\?.*)?$/);
  await page.context().close();
  const store = await e2eDb().userStore.findFirstOrThrow({ where: { domain } });
  const tenantId = await seedTenant(e2eDb(), {
    domain: `${domain.toLowerCase()}.test`,
    adminUsername: "admin",
    password: "a tenant admin's password",
  });
  await deactivateTenant(e2eDb(), tenantId);
  const claim = await e2eDb().claim.findFirstOrThrow({ where: { ...IN_SUPER_TENANT, uri: "http://wso2.org/claims/emailaddress" } });
  return { userId: user.id, roleId: role.id, roleName: role.name, storeId: store.id, tenantId, claimId: claim.id };
}

/** Clicks Next until the wizard's last step, checking each step once its step marker moves. */
async function walkSteps(page: Page, check: Check, label: string) {
  for (let step = 2; step <= 8; step++) {
    const next = page.getByRole("button", { name: "Next", exact: true });
    if ((await next.count()) === 0) return;
    await next.click();
    await expect(page.getByRole("list", { name: "Steps" }).locator('[aria-current="step"]')).toContainText(`${step}.`);
    await check(`${label}, step ${step}`);
  }
}

/** Every page of app/(console) an admin opens, with the wizards' steps, and a 404 in the shell and at the root. */
export const ADMIN_PAGES: ConsolePage[] = [
  { label: "home", path: () => "/" },
  { label: "change password", path: () => "/account/password" },
  { label: "users", path: () => "/users" },
  { label: "add user", path: () => "/users/new" },
  { label: "import users", path: () => "/users/import" },
  { label: "user", path: (f) => `/users/${f.userId}` },
  { label: "user roles", path: (f) => `/users/${f.userId}/roles` },
  { label: "user password", path: (f) => `/users/${f.userId}/password` },
  { label: "user profile", path: (f) => `/users/${f.userId}/profile` },
  { label: "roles", path: () => "/roles" },
  {
    label: "add role",
    path: () => "/roles/new",
    walk: async (page, check) => {
      await page.getByLabel("Role Name").fill(unique("wiz_"));
      await walkSteps(page, check, "add role");
    },
  },
  { label: "role", path: (f) => `/roles/${f.roleId}` },
  { label: "rename role", path: (f) => `/roles/${f.roleId}/rename` },
  { label: "role permissions", path: (f) => `/roles/${f.roleId}/permissions` },
  { label: "role users", path: (f) => `/roles/${f.roleId}/users` },
  { label: "sessions", path: () => "/sessions" },
  { label: "audit log", path: () => "/audit" },
  { label: "scope assignments", path: () => "/settings/role-permissions" },
  {
    label: "add role permission",
    path: () => "/settings/role-permissions/new",
    walk: async (page, check, f) => {
      await page.getByLabel("Role name").fill(f.roleName);
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await expect(page.getByRole("region", { name: "Select permissions" })).toBeVisible();
      await check("add role permission, step 2");
    },
  },
  { label: "edit role permission", path: () => "/settings/role-permissions/edit?role=Internal/creator" },
  { label: "role scopes", path: () => "/settings/role-permissions/view?role=Internal/creator" },
  { label: "scope matrix", path: () => "/settings/role-permissions/matrix" },
  { label: "tenant-conf.json", path: () => "/settings/role-permissions/tenant-conf" },
  { label: "user stores", path: () => "/settings/user-stores" },
  { label: "add user store", path: () => "/settings/user-stores/new" },
  { label: "edit user store", path: (f) => `/settings/user-stores/${f.storeId}` },
  { label: "delete user store", path: (f) => `/settings/user-stores/${f.storeId}/delete` },
  { label: "claims", path: () => "/settings/claims" },
  { label: "add claim", path: () => "/settings/claims/new" },
  { label: "edit claim", path: (f) => `/settings/claims/${f.claimId}` },
  { label: "SCIM mapping", path: () => "/settings/claims/scim" },
  { label: "tenants", path: () => "/tenants" },
  { label: "add new tenant", path: () => "/tenants/new" },
  { label: "edit tenant contact", path: (f) => `/tenants/${f.tenantId}/edit` },
  { label: "delete tenant", path: (f) => `/tenants/${f.tenantId}/delete` },
  { label: "404 in the console", path: () => "/users/2147483000" },
  { label: "404 at the root", path: () => "/no-such-page" },
];

/** What the read-only viewer opens: the lists and pages it may read, and two refusals (403). */
export const VIEWER_PAGES: ConsolePage[] = [
  { label: "viewer home", path: () => "/" },
  { label: "viewer users", path: () => "/users" },
  { label: "viewer user", path: (f) => `/users/${f.userId}` },
  { label: "viewer roles", path: () => "/roles" },
  { label: "viewer role", path: (f) => `/roles/${f.roleId}` },
  { label: "viewer sessions", path: () => "/sessions" },
  { label: "viewer change password", path: () => "/account/password" },
  { label: "403 add user", path: () => "/users/new" },
  { label: "403 audit log", path: () => "/audit" },
  { label: "403 tenants", path: () => "/tenants" },
];

/** Opens the page, waits for its heading, and checks it and its further states. */
export async function visit(page: Page, entry: ConsolePage, f: Fixtures, check: Check) {
  await page.goto(entry.path(f));
  await expect(page.getByRole("heading", { level: 1 }).first(), entry.label).toBeVisible();
  await check(entry.label);
  await entry.walk?.(page, check, f);
}
