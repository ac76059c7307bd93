import { expect, test } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { adminTest } from "./support/signed-in.ts";
import { unique } from "./support/seed.ts";

// #14, feedback: every field's error at once, errors that go when fixed, and one toast area.

const LOGIN = ["/permission/admin/login"] as const;
const errorOf = (field: string) => `#field-${field}-error`;

adminTest("a form with several bad fields shows every error at once, and each goes when its field is fixed", async ({ page }) => {
  await page.goto("/users/new");
  const username = page.getByLabel("Username");
  const password = page.getByLabel("Password", { exact: true });
  const confirm = page.getByLabel("Confirm password");
  await username.fill("has a space");
  await password.fill("short");
  await confirm.fill("different");
  await page.getByRole("button", { name: "Add User" }).click();

  // Both of the browser's findings at once, each tied to its field.
  await expect(page.locator(errorOf("password"))).toHaveText("Use at least 12 characters.");
  await expect(page.locator(errorOf("confirmPassword"))).toHaveText("The passwords do not match.");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(password).toBeFocused();
  await expectAccessible(page, "Add New User with field errors", "main");

  // Fixing a field clears its error as the admin types, and only its own.
  await password.fill("twelve chars at least");
  await expect(page.locator(errorOf("password"))).toBeEmpty();
  await expect(page.locator(errorOf("confirmPassword"))).toHaveText("The passwords do not match.");
  await confirm.fill("twelve chars at least");
  await expect(page.locator(errorOf("confirmPassword"))).toBeEmpty();
  await expect(password).not.toHaveAttribute("aria-invalid", "true");

  // What only the server knows comes back attached to its field, with what was typed kept.
  await page.getByRole("button", { name: "Add User" }).click();
  await expect(page.locator(errorOf("username"))).toContainText("Username must match");
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveValue("has a space");
  await expect(password).toHaveValue("twelve chars at least");
  // …and goes, stale, once the admin edits that field.
  await username.fill(unique("fixed_"));
  await expect(page.locator(errorOf("username"))).toBeEmpty();
});

adminTest("a saved profile is confirmed by a toast, and the page does not move", async ({ page }) => {
  const target = await seedUser(e2eDb(), { grants: LOGIN });
  await page.goto(`/users/${target.id}/profile`);
  // Where the heading sits in the page (not the viewport, which the click scrolls).
  const top = () => page.getByRole("heading", { level: 1 }).evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await page.getByLabel("Organization").fill("Toast Corp");
  await page.getByRole("button", { name: "Save profile" }).click();
  const toast = page.getByRole("region", { name: /Notifications/ }).getByText(`Profile of ${target.username} saved.`);
  await expect(toast).toBeVisible();
  expect(await top()).toBe(before);
  await expect(page.getByLabel("Organization")).toHaveValue("Toast Corp");
  await expectAccessible(page, "a success toast", "section[aria-live]");
});

test("changing one's own password and signing out are each confirmed by a toast", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: LOGIN });
  await signIn(page, user.username, user.password);
  await page.goto("/account/password");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("a fresh password of mine");
  await page.getByLabel("Confirm new password").fill("a fresh password of mine");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/^Password changed\./)).toBeVisible();
  // The form is cleared for the next change.
  await expect(page.getByLabel("Current password")).toHaveValue("");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  // Shown once: a reload of /login does not repeat it.
  await page.reload();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You are signed out.")).toHaveCount(0);
});
