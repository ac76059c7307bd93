import bcrypt from "bcryptjs";
import { expect, test } from "@playwright/test";
import { UNUSABLE_PASSWORD } from "../lib/user-stores/password-hash.ts";
import { fillSignIn, SIGN_IN_FAILED, signInWithForm } from "./support/auth.ts";
import { e2eDb, seedUser } from "./support/db.ts";

// Users imported with another system's hash (issue #16, docs/import-export.md "Passwords").
const LOGIN = ["/permission/admin/login"] as const;
const PASSWORD = "imported from bcrypt, 2026";

const storedHash = async (id: number) => (await e2eDb().user.findUniqueOrThrow({ where: { id } })).passwordHash;

test("a user imported with a bcrypt hash signs in through the form, which stores argon2id in its place", async ({ page }) => {
  const original = await bcrypt.hash(PASSWORD, 10);
  const user = await seedUser(e2eDb(), { passwordHash: original, grants: LOGIN });

  await fillSignIn(page, user.username, `${PASSWORD}?`);
  await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  expect(await storedHash(user.id)).toBe(original);

  await signInWithForm(page, user.username, PASSWORD);
  await expect.poll(() => storedHash(user.id)).toMatch(/^\$argon2id\$v=19\$/);
  expect(await e2eDb().session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
});

test("a user imported without a password is refused like a wrong password", async ({ page }) => {
  const user = await seedUser(e2eDb(), { passwordHash: UNUSABLE_PASSWORD, grants: LOGIN });
  for (const password of [UNUSABLE_PASSWORD, PASSWORD]) {
    await fillSignIn(page, user.username, password);
    await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  }
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  expect(await storedHash(user.id)).toBe(UNUSABLE_PASSWORD);
  expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
});
