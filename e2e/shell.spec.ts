import { expect } from "@playwright/test";
import { seedUser, e2eDb } from "./support/db.ts";
import { adminTest } from "./support/signed-in.ts";

// Item 10 of #14: the way back ends with the page itself, and the console has its own icon.
adminTest("breadcrumbs end with the current page, which is not a link", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await page.goto("/users/new");
  const trail = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(trail.getByRole("listitem")).toHaveText(["Users", "/Add New User"]);
  await expect(trail.locator('[aria-current="page"]')).toHaveText("Add New User");
  await expect(trail.getByRole("link")).toHaveText(["Users"]);

  // A user's second tab: Users / the user (a link to the first tab) / the tab.
  await page.goto(`/users/${user.id}/roles`);
  await expect(trail.locator('[aria-current="page"]')).toHaveText("Roles");
  await expect(trail.getByRole("link")).toHaveText(["Users", user.username]);
  await trail.getByRole("link", { name: user.username }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${user.id}$`));
  await expect(trail.locator('[aria-current="page"]')).toHaveText(user.username);
});

adminTest("every page links the console's icon, and it is served as SVG", async ({ page, request }) => {
  await page.goto("/roles");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");
});
