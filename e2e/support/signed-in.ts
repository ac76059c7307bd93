import fs from "node:fs";
import path from "node:path";
import { test, type Browser, type BrowserContext } from "@playwright/test";
import type { PermissionPath } from "../../lib/permissions/tree.ts";

/** Where e2e/auth.setup.ts leaves each shared actor's browser state and account (gitignored). */
export const AUTH_DIR = path.resolve("e2e/.auth");

export type Account = { id: number; username: string; password: string };

/**
 * The actors that are the same in every run; the setup project seeds each one and signs it in
 * once. Sessions are server-side rows, so a test that ends sessions, signs out, or changes such an
 * actor's password or roles must seed and sign in a user of its own instead, or it would sign out
 * every other test sharing this one.
 */
export const SHARED_ACTORS = {
  admin: { admin: true },
  // Sees users, roles and sessions, changes nothing: the read-only console user.
  viewer: {
    grants: [
      "/permission/admin/login",
      "/permission/admin/manage/identity/usermgt/view",
      "/permission/admin/manage/identity/rolemgt/view",
      "/permission/admin/manage/identity/authentication/session/view",
    ],
  },
} as const satisfies Record<string, { admin?: boolean; grants?: readonly PermissionPath[] }>;
export type SharedActor = keyof typeof SHARED_ACTORS;

export const stateFile = (actor: SharedActor) => path.join(AUTH_DIR, `${actor}.json`);
const accountFile = (actor: SharedActor) => path.join(AUTH_DIR, `${actor}.account.json`);

export function saveAccount(actor: SharedActor, account: Account) {
  fs.writeFileSync(accountFile(actor), JSON.stringify({ id: account.id, username: account.username, password: account.password }));
}

const readAccount = (actor: SharedActor) => JSON.parse(fs.readFileSync(accountFile(actor), "utf8")) as Account;

// Only the test's own context: the `storageState` option would also sign in every
// `browser.newContext()` the test opens for someone else.
const contextOf = (actor: SharedActor) =>
  async function ({ browser }: { browser: Browser }, use: (context: BrowserContext) => Promise<void>) {
    const context = await browser.newContext({ storageState: stateFile(actor) });
    await use(context);
    await context.close();
  };

/** A test whose `page` is already signed in as the shared admin, with its account as `admin`. */
export const adminTest = test.extend<{ admin: Account }>({
  context: contextOf("admin"),
  admin: async ({}, use) => use(readAccount("admin")),
});

/** A test whose `page` is already signed in as the shared read-only viewer, its account as `viewer`. */
export const viewerTest = test.extend<{ viewer: Account }>({
  context: contextOf("viewer"),
  viewer: async ({}, use) => use(readAccount("viewer")),
});

/** Another browser signed in as a shared actor (the same session), e.g. for two-editor races. */
export async function openActorPage(browser: Browser, actor: SharedActor) {
  const context = await browser.newContext({ storageState: stateFile(actor) });
  return context.newPage();
}

export const openAdminPage = (browser: Browser) => openActorPage(browser, "admin");
export const openViewerPage = (browser: Browser) => openActorPage(browser, "viewer");
