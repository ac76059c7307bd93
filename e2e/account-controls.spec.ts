import { expect, test, type Browser, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { chooseRowAction } from "./support/row-menu.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { adminTest, openAdminPage, viewerTest } from "./support/signed-in.ts";

// Several browsers and sign-ins per test, each with an argon2id hash: more than the default on a busy machine.
test.describe.configure({ timeout: 240_000 });

const LOGIN = "/permission/admin/login";
const TABS = ["Details", "Roles", "Permissions", "Sessions", "Events"];
const tabs = (page: Page) => page.getByRole("navigation", { name: "User pages" }).getByRole("link");

/** A user signed in in a browser of their own, on a console page. */
async function signedInElsewhere(browser: Browser) {
  const user = await seedUser(e2eDb(), { grants: [LOGIN, "/permission/admin/manage/identity/usermgt/view"] });
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.username, user.password);
  await page.goto("/users");
  await expect(page.getByTestId("current-user")).toHaveText(user.username);
  return { user, page };
}

/** Their next request finds the session ended: the console sends them to sign in. */
async function expectSignedOut(page: Page) {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login/);
}

adminTest("an admin unlocks a locked user, who can then sign in", async ({ page, browser }) => {
  const user = await seedUser(e2eDb(), { grants: [LOGIN] });
  await e2eDb().user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 3_600_000), failedAttempts: 5 } });
  await page.goto(`/users?q=${user.username}`);
  await expect(page.getByRole("row").filter({ hasText: user.username })).toContainText("Locked");

  await page.goto(`/users/${user.id}`);
  await expect(tabs(page)).toHaveText(TABS);
  await expect(tabs(page).first()).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("account-state")).toContainText("Locked until");
  await expectAccessible(page, "the Details tab of a locked user");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByText(`${user.username} unlocked.`)).toBeVisible();
  await expect(page.getByTestId("account-state")).toContainText(/Locked\s*No/);
  await expect(page.getByRole("button", { name: "Unlock" })).toHaveCount(0);
  await signIn(await (await browser.newContext()).newPage(), user.username, user.password);
});

adminTest("disabling a signed-in user signs them out at once and keeps them out until enabled", async ({ page, browser }) => {
  const { user, page: theirs } = await signedInElsewhere(browser);
  await page.goto(`/users/${user.id}`);
  await page.getByRole("button", { name: "Disable" }).click();
  await expectAccessible(page, "the Disable dialog", "dialog[open]");
  await page.getByRole("dialog").getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByText(`${user.username} disabled. 1 session ended.`)).toBeVisible();
  await expect(page.getByTestId("account-state")).toContainText("Disabled since");

  await expectSignedOut(theirs);
  const retry = await (await browser.newContext()).newPage();
  const csrf = (await (await retry.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const refused = await retry.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, username: user.username, password: user.password, json: "true" },
  });
  expect(new URL(((await refused.json()) as { url: string }).url).searchParams.get("error")).not.toBeNull();
  await page.goto(`/users?q=${user.username}`);
  await expect(page.getByRole("row").filter({ hasText: user.username })).toContainText("Disabled");

  await page.goto(`/users/${user.id}`);
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText(`${user.username} enabled`)).toBeVisible();
  await signIn(retry, user.username, user.password);

  await tabs(page).filter({ hasText: "Events" }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${user.id}/events$`));
  await expect(tabs(page).last()).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table")).toContainText("user.disabled");
  await expect(page.getByRole("table")).toContainText("user.enabled");
  await expectAccessible(page, "the Events tab");
});

adminTest("an admin terminates a user's session from the Sessions tab", async ({ page, browser }) => {
  const { user, page: theirs } = await signedInElsewhere(browser);
  await page.goto(`/users/${user.id}/sessions`);
  await expect(page.getByRole("table")).toContainText(user.username);
  await expectAccessible(page, "the Sessions tab");
  await chooseRowAction(page.getByRole("row").filter({ hasText: user.username }), `Terminate ${user.username}'s session`);
  await page.getByRole("dialog").getByRole("button", { name: "Terminate session" }).click();
  await expect(page.getByText(`Session of ${user.username} terminated.`)).toBeVisible();
  await expect(page.getByText("No active sessions")).toBeVisible();
  await expectSignedOut(theirs);
});

adminTest("the tabs are links a keyboard reaches, and each fits a 390 px screen", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: [LOGIN] });
  await page.goto(`/users/${user.id}`);
  await tabs(page).filter({ hasText: "Roles" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/users/${user.id}/roles$`));
  await expect(tabs(page).nth(1)).toHaveAttribute("aria-current", "page");
  await expectAccessible(page, "the Roles tab (editor)");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["", "/roles", "/permissions", "/sessions", "/events"]) {
    await page.goto(`/users/${user.id}${path}`);
    const overflow = await page.locator("main").evaluate((main) => main.scrollWidth - main.clientWidth);
    expect(overflow, path || "details").toBeLessThanOrEqual(0);
  }
});

viewerTest("the viewer sees the tabs read-only, and a disable posted directly is refused", async ({ page, browser }) => {
  const user = await seedUser(e2eDb(), { grants: [LOGIN] });
  await page.goto(`/users/${user.id}`);
  // No audit permission: no Events tab.
  await expect(tabs(page)).toHaveText(TABS.slice(0, 4));
  await expect(page.getByTestId("account-controls")).toHaveCount(0);
  await expectAccessible(page, "the Details tab, read-only");
  await tabs(page).filter({ hasText: "Roles" }).click();
  await expect(page.getByTestId("user-roles")).toContainText("Internal/everyone");
  await expect(page.getByRole("button", { name: "Review changes" })).toHaveCount(0);
  await expectAccessible(page, "the Roles tab, read-only");
  await tabs(page).filter({ hasText: "Permissions" }).click();
  await expect(page.getByTestId("effective-permissions")).toContainText(LOGIN);
  await expectAccessible(page, "the Permissions tab");
  await tabs(page).filter({ hasText: "Sessions" }).click();
  await expect(page.getByRole("button", { name: "Terminate" })).toHaveCount(0);
  await expectAccessible(page, "the Sessions tab, read-only");
  expect((await page.goto(`/users/${user.id}/events`))?.status()).toBe(403);

  const admin = await openAdminPage(browser);
  await admin.goto(`/users/${user.id}`);
  const disable = await captureAction(admin, async () => {
    await admin.getByRole("button", { name: "Disable" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Disable user" }).click();
  });
  await page.goto(`/users/${user.id}`);
  const result = await replayAction(page, disable);
  expect(result.text).toContain("You do not have permission to disable, enable and unlock user accounts.");
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
});
