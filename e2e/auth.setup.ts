import fs from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { signIn } from "./support/auth.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { AUTH_DIR, saveAccount, SHARED_ACTORS, stateFile, type SharedActor } from "./support/signed-in.ts";

// Runs once per Playwright run, after the web server has started on its fresh database.
for (const actor of Object.keys(SHARED_ACTORS) as SharedActor[]) {
  setup(`sign in the shared ${actor} once`, async ({ page }) => {
    fs.mkdirSync(AUTH_DIR, { recursive: true });
    const account = await seedUser(e2eDb(), SHARED_ACTORS[actor]);
    await signIn(page, account.username, account.password);
    await page.goto("/");
    await expect(page.getByTestId("current-user")).toHaveText(account.username);
    await page.context().storageState({ path: stateFile(actor) });
    saveAccount(actor, account);
  });
}
