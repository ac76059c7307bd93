import { expect, test } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { openAdminPage, openViewerPage, viewerTest } from "./support/signed-in.ts";
import { signIn } from "./support/auth.ts";
import { chooseRowAction, rowMenuButton } from "./support/row-menu.ts";

const sessionIsOpen = async (userId: number) => (await e2eDb().session.count({ where: { userId, revokedAt: null } })) > 0;

viewerTest("a view-only user sees the lists they may see and no mutating control", async ({ page, viewer }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Roles" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Sessions" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Role Permissions" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  await page.goto(`/sessions?user=${viewer.username}`);
  await expect(page.getByRole("row").filter({ hasText: viewer.username })).toBeVisible();
  await expect(rowMenuButton(page.getByRole("table"))).toHaveCount(0);

  for (const path of ["/audit", "/settings/role-permissions"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  }
});

test("a mutation posted directly is refused without the permission, and from another origin", async ({ browser }) => {
  const target = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  const targetPage = await (await browser.newContext()).newPage();
  await signIn(targetPage, target.username, target.password);

  const adminPage = await openAdminPage(browser);
  await adminPage.goto(`/sessions?user=${target.username}`);
  const action = await captureAction(adminPage, async () => {
    await chooseRowAction(adminPage.getByRole("row").filter({ hasText: target.username }), `Terminate ${target.username}'s session`);
    await adminPage.getByRole("dialog").getByRole("button", { name: "Terminate session" }).click();
  });
  expect(await sessionIsOpen(target.id)).toBe(true);

  const viewerPage = await openViewerPage(browser);
  await viewerPage.goto("/");
  await expect(viewerPage.getByTestId("current-user")).toBeVisible();
  const refused = await replayAction(viewerPage, action);
  expect(refused.text).toContain("FORBIDDEN");
  expect(await sessionIsOpen(target.id)).toBe(true);

  const crossSite = await adminPage.request.post("/sessions", {
    headers: { "Next-Action": action.actionId, "Content-Type": action.contentType, Origin: "https://evil.example" },
    data: action.body,
  });
  expect(crossSite.ok()).toBe(false);
  expect(await sessionIsOpen(target.id)).toBe(true);

  // The same replay from the admin works, so the refusals above are the permission check at work.
  const allowed = await replayAction(adminPage, action);
  expect(allowed.text).toContain(`Session of ${target.username} terminated.`);
  expect(await sessionIsOpen(target.id)).toBe(false);
});

// The failed sign-in goes through the form on purpose: the hostile name must come back as text.
test("hostile names are shown as text, never run", async ({ page }) => {
  const hostile = `<img src=x onerror="window.__pwned=1">'"${"x".repeat(40)}`;
  await page.goto("/login");
  await page.getByLabel("Username").fill(hostile);
  await page.getByLabel("Password").fill("whatever it is");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid username or password.")).toBeVisible();

  const admin = await seedUser(e2eDb(), { admin: true });
  page.on("dialog", () => {
    throw new Error("a dialog opened: markup from a name was executed");
  });
  await signIn(page, admin.username, admin.password);
  await page.goto("/audit?action=auth.");
  await expect(page.getByRole("cell", { name: hostile }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
