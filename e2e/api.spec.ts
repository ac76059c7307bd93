import { expect, test } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { signIn } from "./support/auth.ts";

test("the REST API answers only signed-in callers, with JSON errors", async ({ page, request }) => {
  const anonymous = await request.get("/api/v1/me");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ code: "UNAUTHENTICATED" });

  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login", "/permission/admin/monitor/logs"] });
  await signIn(page, user.username, user.password);
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toEqual({
    username: user.username,
    tenantId: expect.any(Number),
    roles: [`role_${user.username}`, "Internal/everyone"],
    permissions: ["/permission/admin/login", "/permission/admin/monitor/logs"],
  });
});

test("the session cookie is HttpOnly and SameSite, and holds no user data", async ({ page, context }) => {
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await signIn(page, user.username, user.password);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
  expect(cookie!.value).not.toContain(user.username);
  // On a console page, where a script could read document.cookie if it were not HttpOnly.
  await page.goto("/");
  await expect(page.getByTestId("current-user")).toHaveText(user.username);
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});
