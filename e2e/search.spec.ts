import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { boundFilter } from "./support/filters.ts";
import { seedRole, unique } from "./support/seed.ts";
import { adminTest } from "./support/signed-in.ts";

// #14 item 1: text without * matches anywhere in a name, the exact name first; * keeps WSO2's meaning.

const rows = (page: Page) => page.locator("tbody tr");

/** Types into the search box and waits for the list the URL now names (typing reaches it after a pause). */
async function search(page: Page, label: string, text: string) {
  await (await boundFilter(page, label)).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/[*]/g, "\\*")}(&|$)`));
}

adminTest("an admin finds users by a part of the name, the exact name first, and * patterns still work", async ({ page }) => {
  const stem = unique("smith");
  for (const username of [`black${stem}`, `${stem}ers`, stem]) await seedUser(e2eDb(), { username });
  const user = (name: string) => page.getByRole("link", { name, exact: true });

  await page.goto("/users");
  await search(page, "Search users", stem.slice(2).toUpperCase());
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–3 of 3");
  // No exact name: the list's own order.
  await expect(
    rows(page)
      .nth(0)
      .getByRole("link", { name: `black${stem}`, exact: true }),
  ).toBeVisible();

  await search(page, "Search users", stem);
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(0).getByRole("link", { name: stem, exact: true })).toBeVisible();
  await expect(
    rows(page)
      .nth(1)
      .getByRole("link", { name: `black${stem}`, exact: true }),
  ).toBeVisible();
  await expectAccessible(page, "Users: search results");

  await search(page, "Search users", `${stem}*`);
  await expect(rows(page)).toHaveCount(2);
  await expect(user(`black${stem}`)).toHaveCount(0);
  await search(page, "Search users", `*${stem}`);
  await expect(rows(page)).toHaveCount(2);
  await expect(user(`${stem}ers`)).toHaveCount(0);

  // LIKE's wildcards match literally: nothing here has a % in its name.
  await search(page, "Search users", `${stem.slice(0, 4)}%`);
  await expect(page.getByText("No users match")).toBeVisible();
  await expect(page.getByText(/No username contains the text/)).toBeVisible();
  await expectAccessible(page, "Users: empty search");
});

adminTest("an admin finds roles by a part of the name, the exact name first, and * patterns still work", async ({ page }) => {
  const stem = unique("ops");
  for (const name of [`dev${stem}`, stem, `${stem}_lead`]) await seedRole({ name });
  const role = (name: string) => page.getByRole("link", { name, exact: true });

  await page.goto("/roles");
  await search(page, "Search roles", stem.toUpperCase());
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–3 of 3");
  await expect(rows(page).nth(0).getByRole("link", { name: stem, exact: true })).toBeVisible();
  await expect(
    rows(page)
      .nth(1)
      .getByRole("link", { name: `dev${stem}`, exact: true }),
  ).toBeVisible();
  await expectAccessible(page, "Roles: search results");

  await search(page, "Search roles", `${stem}*`);
  await expect(rows(page)).toHaveCount(2);
  await expect(role(`dev${stem}`)).toHaveCount(0);
  await search(page, "Search roles", `Internal/${stem}`);
  await expect(page.getByText("No roles match")).toBeVisible();
  await search(page, "Search roles", "Internal/creat");
  await expect(role("Internal/creator")).toBeVisible();
});
