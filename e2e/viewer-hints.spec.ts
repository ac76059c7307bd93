import { expect } from "@playwright/test";
import { viewerTest } from "./support/signed-in.ts";

// Item 10 of #14: empty states and hints offer only what the viewer may do.
viewerTest("a read-only viewer is not told to delete users, select them for roles, or add one", async ({ page }) => {
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const description = page.getByText("Users of every user store.");
  await expect(description).toHaveText("Users of every user store.");
  await expect(page.getByRole("link", { name: "Add New User" })).toHaveCount(0);
  // A search that matches nobody: the empty state suggests only what a viewer can do.
  await page.goto("/users?q=nobody-matches-this*");
  await expect(page.getByText("No users match")).toBeVisible();
  await expect(page.getByText("Add New User")).toHaveCount(0);
});
