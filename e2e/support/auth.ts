import { expect, type Page } from "@playwright/test";

export const SIGN_IN_FAILED = "Invalid username or password.";

/** Types into the real sign-in form; only for specs whose subject is that form. */
export async function fillSignIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the real form and waits for the console to load. */
export async function signInWithForm(page: Page, username: string, password: string) {
  await fillSignIn(page, username, password);
  await expect(page.getByTestId("current-user")).toHaveText(username);
}

/**
 * Signs in over HTTP through next-auth's real credentials flow, the two requests the form's
 * `signIn("credentials")` sends, so the session cookie lands in the page's context without
 * rendering /login. The page stays where it was; navigate it afterwards.
 */
export async function signIn(page: Page, username: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password, json: "true" },
  });
  // next-auth answers {url}; a refused sign-in points it at the error page instead of setting a cookie.
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.get("error"), `sign-in of ${username}`).toBeNull();
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);
}
