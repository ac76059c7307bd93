import { expect, type Page } from "@playwright/test";

export const SIGN_IN_FAILED = "Invalid username or password.";

export async function fillSignIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the real form and waits for the console to load. */
export async function signIn(page: Page, username: string, password: string) {
  await fillSignIn(page, username, password);
  await expect(page.getByTestId("current-user")).toHaveText(username);
}
