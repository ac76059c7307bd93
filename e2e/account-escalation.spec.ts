import { expect, test, type Page } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { signIn } from "./support/auth.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { chooseRowAction, rowActions } from "./support/row-menu.ts";

// The helpdesk: may reset passwords, delete users and end sessions, and holds nothing else.
const HELPDESK = [
  "/permission/admin/login",
  "/permission/admin/manage/identity/usermgt/view",
  "/permission/admin/manage/identity/usermgt/delete",
  "/permission/admin/manage/identity/identitymgt/update",
  "/permission/admin/manage/identity/authentication/session",
] as const;
const LOGIN_ONLY = ["/permission/admin/login"] as const;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const rowOf = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^${escape(name)}$`) }) });

async function seedWorld(page: Page) {
  const ops = await seedUser(e2eDb(), { grants: ["/permission/admin"] });
  const clerk = await seedUser(e2eDb(), { grants: LOGIN_ONLY });
  const hd = await seedUser(e2eDb(), { grants: HELPDESK });
  await signIn(page, hd.username, hd.password);
  return { ops, clerk, hd };
}

test("a helpdesk user sees no account actions on a more privileged user, and the pages refuse", async ({ page }) => {
  const { ops, clerk } = await seedWorld(page);
  await page.goto(`/users?q=${clerk.username}`);
  expect(await rowActions(rowOf(page, clerk.username))).toEqual(expect.arrayContaining(["Change password", "Delete"]));
  await page.goto(`/users?q=${ops.username}`);
  await expect(rowOf(page, ops.username).getByRole("link", { name: ops.username, exact: true })).toBeVisible();
  const opsActions = await rowActions(rowOf(page, ops.username));
  for (const action of ["Change password", "Edit profile", "Delete"]) expect(opsActions).not.toContain(action);
  expect((await page.goto(`/users/${ops.id}/password`))?.status()).toBe(403);
});

test("a password reset of a more privileged user, posted directly, is refused in words and changes nothing", async ({ page }) => {
  const { ops, clerk } = await seedWorld(page);
  await page.goto(`/users/${clerk.id}/password`);
  const action = await captureAction(page, async () => {
    await page.getByLabel("New password", { exact: true }).fill("a takeover passphrase");
    await page.getByLabel("Confirm new password").fill("a takeover passphrase");
    await page.getByRole("button", { name: "Change Password" }).click();
  });
  const before = await e2eDb().user.findUniqueOrThrow({ where: { id: ops.id } });
  const forged = { ...action, body: withField(action, "id", String(ops.id)) };
  const result = await replayAction(page, forged, withField(forged, "version", String(before.version)));
  expect(result.text).toContain(`${ops.username} holds permissions you do not`);
  const after = await e2eDb().user.findUniqueOrThrow({ where: { id: ops.id } });
  expect(after.passwordHash).toBe(before.passwordHash);

  // The same form on a user whose permissions are a subset of the actor's goes through.
  await page.goto(`/users/${clerk.id}/password`);
  await page.getByLabel("New password", { exact: true }).fill("a takeover passphrase");
  await page.getByLabel("Confirm new password").fill("a takeover passphrase");
  await page.getByRole("button", { name: "Change Password" }).click();
  await expect(page.getByText(`Password of ${clerk.username} changed.`)).toBeVisible();
});

test("deleting a more privileged user or ending their session, posted directly, is refused", async ({ page, browser }) => {
  const { ops, clerk } = await seedWorld(page);
  await page.goto(`/users?q=${clerk.username}`);
  const remove = await captureAction(page, async () => {
    await chooseRowAction(rowOf(page, clerk.username), `Delete ${clerk.username}`);
    await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
  });
  const opsRow = await e2eDb().user.findUniqueOrThrow({ where: { id: ops.id } });
  const forged = { ...remove, body: withField(remove, "id", String(ops.id)) };
  expect((await replayAction(page, forged, withField(forged, "version", String(opsRow.version)))).text).toContain(
    "holds permissions you do not",
  );
  expect(await e2eDb().user.count({ where: { id: ops.id } })).toBe(1);

  for (const user of [ops, clerk]) await signIn(await (await browser.newContext()).newPage(), user.username, user.password);
  const opsSession = await e2eDb().session.findFirstOrThrow({ where: { userId: ops.id, revokedAt: null } });
  await page.goto(`/sessions?user=${clerk.username}`);
  const terminate = await captureAction(page, async () => {
    await chooseRowAction(page.getByRole("row").filter({ hasText: clerk.username }), `Terminate ${clerk.username}'s session`);
    await page.getByRole("dialog").getByRole("button", { name: "Terminate session" }).click();
  });
  const result = await replayAction(page, terminate, withField(terminate, "sessionId", opsSession.id));
  expect(result.text).toContain(`${ops.username} holds permissions you do not`);
  expect((await e2eDb().session.findUniqueOrThrow({ where: { id: opsSession.id } })).revokedAt).toBeNull();
});
