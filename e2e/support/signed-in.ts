import fs from "node:fs";
import path from "node:path";
import { test, type Browser } from "@playwright/test";

/** Where e2e/auth.setup.ts leaves each shared actor's browser state and account (gitignored). */
export const AUTH_DIR = path.resolve("e2e/.auth");
export const ADMIN_STATE = path.join(AUTH_DIR, "admin.json");
const ADMIN_ACCOUNT = path.join(AUTH_DIR, "admin.account.json");

export type Account = { id: number; username: string; password: string };

export function saveAdminAccount(account: Account) {
  fs.writeFileSync(ADMIN_ACCOUNT, JSON.stringify(account));
}

/**
 * A test whose `page` is already signed in as the shared admin: the setup project signed in once
 * through the form and saved the cookie. Sessions are server-side rows, so a test that ends
 * sessions, signs out, or changes this admin's password or roles must seed and sign in an admin
 * of its own instead, or it would sign out every other test sharing this one.
 */
export const adminTest = test.extend<{ admin: Account }>({
  // Only this test's own context: the `storageState` option would also sign in every
  // `browser.newContext()` the test opens for someone else.
  context: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    await use(context);
    await context.close();
  },
  admin: async ({}, use) => use(JSON.parse(fs.readFileSync(ADMIN_ACCOUNT, "utf8")) as Account),
});

/** Another browser signed in as the shared admin (the same session), for two-editor races. */
export function openAdminPage(browser: Browser) {
  return browser.newContext({ storageState: ADMIN_STATE }).then((context) => context.newPage());
}
