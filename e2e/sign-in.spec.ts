import { expect, test } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { fillSignIn, SIGN_IN_FAILED, signInWithForm } from "./support/auth.ts";
import { createDb } from "../lib/db/client.ts";
import { createEmptyTarget } from "../testing/databases.ts";
import { startServer } from "./cli/support/server.ts";

const LOGIN = ["/permission/admin/login"] as const;

test("an admin signs in, sees the shell and signs out", async ({ page }) => {
  const admin = await seedUser(e2eDb(), { admin: true });
  await signInWithForm(page, admin.username, admin.password);

  const nav = page.getByRole("navigation", { name: "Console" });
  for (const link of ["Home", "Users", "Roles", "Role Permissions", "Sessions", "Audit log"]) {
    await expect(nav.getByRole("link", { name: link, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.username}` })).toBeVisible();
  await expect(page.getByTestId("your-permissions")).toContainText("/permission");
  await expect(page.getByTestId("count-Users")).toHaveText(/\d+/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  const session = await e2eDb().session.findFirstOrThrow({ where: { userId: admin.id } });
  expect(session.revokedReason).toBe("signed out");
});

test("a cross-site sign-out post is refused and leaves the session open", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: LOGIN });
  await signInWithForm(page, user.username, user.password);
  // The page's own cookies, posted as a forged form on another site would post them.
  const forged = await page.request.post("/sign-out", { headers: { origin: "http://evil.example" }, form: {} });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ code: "FORBIDDEN" });
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toHaveText(user.username);
  const session = await e2eDb().session.findFirstOrThrow({ where: { userId: user.id } });
  expect(session.revokedAt).toBeNull();
});

test("signing out works without JavaScript: a plain form post", async ({ browser }) => {
  const user = await seedUser(e2eDb(), { grants: LOGIN });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Signed in over HTTP: the form itself needs JavaScript.
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, username: user.username, password: user.password, json: "true" },
  });
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toHaveText(user.username);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  const session = await e2eDb().session.findFirstOrThrow({ where: { userId: user.id } });
  expect(session.revokedReason).toBe("signed out");
  await context.close();
});

test("a wrong password and an unknown user show the same message", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: LOGIN });
  await fillSignIn(page, user.username, "not the password at all");
  await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  const wrongPassword = await page.locator("form").innerText();

  await fillSignIn(page, `nobody-${user.username}`, "not the password at all");
  await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  expect(await page.locator("form").innerText()).toBe(wrongPassword);
  await expect(page).toHaveURL(/\/login/);
});

test("a user without the Login permission is refused", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/monitor/logs"] });
  await fillSignIn(page, user.username, user.password);
  await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/login/);
  expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
});

test("an address is locked out of an account after the configured number of failures", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: LOGIN });
  for (let attempt = 0; attempt < 3; attempt++) {
    await fillSignIn(page, user.username, `wrong guess ${attempt}`);
    await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  }
  // Even the right password fails now, with the same message: nothing tells the attacker why.
  await fillSignIn(page, user.username, user.password);
  await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  // This browser's address is locked out of the account; the account itself is not locked.
  const lock = await e2eDb().addressLockout.findFirstOrThrow({ where: { userId: user.id } });
  expect(lock.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
  expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
});

test("the form says when too many sign-ins failed from this address", async ({ page }) => {
  // Low limits would trip the other specs, which all sign in from 127.0.0.1: a server of its own.
  test.setTimeout(180_000);
  const { target, cleanup } = await createEmptyTarget("sqlite");
  const server = await startServer(target, { configFile: "e2e/gatehouse.throttle.e2e.toml" });
  const db = createDb(target);
  try {
    const user = await seedUser(db, { grants: LOGIN });
    const attempt = async (password: string) => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("Username").fill(user.username);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    };
    for (const guess of ["wrong guess 1", "wrong guess 2"]) {
      await attempt(guess);
      await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
    }
    await attempt(user.password);
    await expect(page.getByText(/^Too many sign-in attempts from your address; try again in \d+ s\.$/)).toBeVisible();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  } finally {
    await server.stop();
    await db.$disconnect();
    await cleanup();
  }
});

test("the sign-in page never sends a user off-site after signing in", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: LOGIN });
  await page.goto("/login?callbackUrl=https://evil.example/phish");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(user.username);
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});
