import { expect, test } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { signIn } from "./support/auth.ts";
import { adminTest } from "./support/signed-in.ts";
import { chooseRowAction } from "./support/row-menu.ts";

adminTest("a terminated session is thrown out on its very next request", async ({ browser, page: adminPage, admin }) => {
  const victim = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  const victimPage = await (await browser.newContext()).newPage();
  await signIn(victimPage, victim.username, victim.password);
  await victimPage.goto("/");
  await expect(victimPage.getByTestId("current-user")).toHaveText(victim.username);

  await adminPage.goto(`/sessions?user=${victim.username}`);
  const row = adminPage.getByRole("row").filter({ hasText: victim.username });
  await chooseRowAction(row, `Terminate ${victim.username}'s session`);
  const dialog = adminPage.getByRole("dialog", { name: `Terminate ${victim.username}'s session?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Terminate session" }).click();
  await expect(adminPage.getByText(`Session of ${victim.username} terminated.`)).toBeVisible();

  await victimPage.reload();
  await expect(victimPage).toHaveURL(/\/login/);
  const audit = await e2eDb().auditEvent.findFirst({ where: { action: "session.revoked", targetName: victim.username } });
  expect(audit?.actorName).toBe(admin.username);
});

// An admin of its own: were Cancel to terminate, it would end the shared admin's session.
test("cancelling the confirmation terminates nothing", async ({ page }) => {
  const admin = await seedUser(e2eDb(), { admin: true });
  await signIn(page, admin.username, admin.password);
  await page.goto(`/sessions?user=${admin.username}`);
  await chooseRowAction(page.getByRole("row").filter({ hasText: admin.username }), `Terminate ${admin.username}'s session`);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("current-user")).toHaveText(admin.username);
});
