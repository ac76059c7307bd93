import { expect, test, type Browser } from "@playwright/test";
import { nameKey } from "../lib/core/domains.ts";
import { seedUser } from "../testing/seed.ts";
import { startServerOn, type StartedServer } from "./cli/support/server.ts";
import { signIn } from "./support/auth.ts";
import { unique } from "./support/seed.ts";

/**
 * Issue #9 item 7: a server started as `npm start` does (no NEXTAUTH_URL, every address) is one
 * origin whichever address the browser uses. Bulk actions, same-origin API calls, server actions
 * and signing out work on both, and a cross-site post is still refused.
 */
let server: StartedServer;
test.describe.configure({ mode: "serial", timeout: 120_000 });
test.beforeAll(async () => {
  server = await startServerOn("sqlite", { asNpmStart: true });
});
test.afterAll(async () => server?.stop());

for (const host of ["127.0.0.1", "localhost"]) {
  test(`the console at http://${host} is same-origin for its API, its actions and sign-out`, async ({ browser }) => {
    const base = server.url.replace("127.0.0.1", host);
    const page = await newPage(browser, base);
    const admin = await seedUser(server.db, { admin: true });
    const prefix = unique("origin");
    for (const n of ["a", "b"]) await seedUser(server.db, { username: `${prefix}_${n}` });
    await signIn(page, admin.username, admin.password);

    await page.goto(`/users?q=${prefix}*`);
    await page.getByLabel(`Select ${prefix}_a`).check();
    await page.getByLabel(`Select ${prefix}_b`).check();
    await page.getByRole("button", { name: "Delete selected…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete 2 users" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Deleted 2 users." })).toBeVisible();
    expect(await server.db.user.count({ where: { username: { startsWith: prefix } } })).toBe(0);

    const fromPage = await page.evaluate(async (user) => {
      const check = await fetch("/api/v1/authz/check", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ user, permission: "/permission/admin" }),
      });
      const aliases = await fetch("/api/am/admin/v4/system-scopes/role-aliases", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: "{",
      });
      return [check.status, aliases.status];
    }, admin.username);
    // The APIM call reaches validation (400 for the broken body) instead of the cross-site refusal.
    expect(fromPage).toEqual([200, 400]);

    // A server action: creating a role through the wizard's form.
    const role = unique("origin_role_");
    await page.goto("/roles/new");
    await page.getByLabel("Role Name").fill(role);
    // Next checks the name with a server action too, then the wizard steps on to its review.
    for (const step of [2, 3, 4]) {
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page.getByRole("heading", { name: new RegExp(`^Step ${step} of 4`) })).toBeVisible();
    }
    await page.getByRole("button", { name: "Finish" }).click();
    // The shell's toast reports it, and the role is there.
    await expect(page.getByText(`Role ${role} added.`)).toBeVisible();
    await expect.poll(() => server.db.role.count({ where: { nameKey: nameKey(role) } })).toBe(1);

    // At phone width the navigation is the shell's menu: open it and follow a link, then sign
    // out (a plain form post, checked for its origin too), which /login confirms with a toast.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Roles" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${base}/login`);
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await page.context().close();
  });
}

test("a cross-site post is refused on both the API and the actions", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: "http://evil.example" } });
  const check = await api.post("/api/v1/authz/check", { data: { user: "admin", permission: "/permission" } });
  expect(check.status()).toBe(403);
  const action = await api.post("/roles/new", { headers: { "next-action": "0".repeat(42) }, multipart: { "0": "[]" } });
  expect(action.status()).toBe(403);
  expect(await action.json()).toMatchObject({ code: "FORBIDDEN" });
  await api.dispose();
});

async function newPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}
