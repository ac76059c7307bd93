import { expect, test } from "@playwright/test";
import { fillSignIn } from "./support/auth.ts";

// The only spec that signs in as the provisioned admin; it changes that admin's password.
test("the provisioned admin must replace the default password before using the console", async ({ page }) => {
  await fillSignIn(page, "admin", "admin");
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("alert").filter({ hasText: "You are using the default password" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link")).toHaveCount(0);

  await page.goto("/users");
  await expect(page).toHaveURL(/\/account\/password$/);

  await page.getByLabel("Current password").fill("admin");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters\./);

  await page.getByLabel("New password", { exact: true }).fill("admin is not a password any more");
  await page.getByLabel("Confirm new password").fill("admin is not a password any more");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("You are using the default password")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Users" })).toBeVisible();
});
