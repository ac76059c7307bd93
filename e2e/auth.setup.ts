import fs from "node:fs";
import { test as setup } from "@playwright/test";
import { signIn } from "./support/auth.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { ADMIN_STATE, AUTH_DIR, saveAdminAccount } from "./support/signed-in.ts";

// Runs once per Playwright run, after the web server has started on its fresh database.
setup("sign in the shared admin once", async ({ page }) => {
  fs.mkdirSync(AUTH_DIR, { recursive: true });
  const admin = await seedUser(e2eDb(), { admin: true });
  await signIn(page, admin.username, admin.password);
  await page.context().storageState({ path: ADMIN_STATE });
  saveAdminAccount({ id: admin.id, username: admin.username, password: admin.password });
});
