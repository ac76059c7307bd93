import { expect, type Locator, type Page } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { adminTest } from "./support/signed-in.ts";
import { seedRole, unique } from "./support/seed.ts";
import { expectAccessible } from "./support/axe.ts";
import { activate, expectNoSidewaysScroll, pressUntilFocused } from "./support/keyboard.ts";

const LOGIN = "/permission/admin/login";
const DELETE_USERS = "/permission/admin/manage/identity/usermgt/delete";
const stepHeading = (page: Page, n: number) => page.getByRole("heading", { name: new RegExp(`^Step ${n} of 4`) });
const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/**
 * Presses and releases the mouse on the lower edge of `target` the way a person does, and
 * fails if the button moved in between (the old tree hid the focused node's description on
 * blur, which pulled everything below it up by a line, so the release landed beside the button).
 */
async function clickLowerEdge(page: Page, target: Locator) {
  const before = (await target.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height - 3);
  await page.mouse.down();
  const during = (await target.boundingBox())!;
  await page.mouse.up();
  expect(during.y, "the button moved between mouse down and up").toBe(before.y);
}

adminTest("keyboard only: a role made through the wizard (a bad name refused on Next), then assigned", async ({ page }) => {
  // Five axe scans and two flows: longer than the default on a loaded machine.
  adminTest.setTimeout(180_000);
  const member = await seedUser(e2eDb(), { username: unique("kbdmember_") });
  const assignee = await seedUser(e2eDb(), { username: unique("kbdassignee_"), grants: [LOGIN] });
  const name = unique("kbdrole_");
  await page.goto("/roles/new");
  const nameField = page.getByLabel("Role Name");
  await expect(nameField).toBeFocused();
  await expectAccessible(page, "wizard step 1");

  await page.keyboard.type("has spaces");
  await activate(page, button(page, "Next"));
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAccessibleDescription(/Role name must match/);
  await expect(stepHeading(page, 1)).toBeVisible();
  await expectAccessible(page, "wizard step 1 with a refused name");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(name);
  await activate(page, button(page, "Next"));

  await expect(stepHeading(page, 2)).toBeFocused();
  await pressUntilFocused(page, page.getByRole("treeitem", { name: "All Permissions" }));
  await page.keyboard.press("l");
  await expect(page.getByRole("treeitem", { name: "Login" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("treeitem", { name: "Login" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("selected-count")).toHaveText("1 of 75 permissions selected.");
  await expectAccessible(page, "wizard step 2, the permission tree");
  await activate(page, button(page, "Next"));

  await expect(stepHeading(page, 3)).toBeFocused();
  await expect(page.getByRole("list", { name: "Search results" })).toBeVisible();
  await expectAccessible(page, "wizard step 3, users listed at once");
  await pressUntilFocused(page, page.getByLabel("Search users"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(member.username);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("checkbox")).toHaveCount(1);
  await pressUntilFocused(page, page.getByRole("checkbox", { name: member.username }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("list", { name: "Chosen users" })).toContainText(member.username);
  await activate(page, button(page, "Next"));

  await expect(stepHeading(page, 4)).toBeFocused();
  const review = page.getByTestId("role-review");
  await expect(review).toContainText(name);
  await expect(review.getByRole("heading", { name: "Permissions: 1 permission" })).toBeVisible();
  await expect(review.getByRole("list", { name: "Members" })).toHaveText(member.username);
  await expectAccessible(page, "wizard step 4, the review");
  await activate(page, button(page, "Finish"));
  await expect(page.getByText(`Role ${name} added.`)).toBeVisible();
  const role = await e2eDb().role.findFirstOrThrow({ where: { name }, include: { grants: true, memberships: true } });
  expect(role.grants.map((g) => g.permission)).toEqual([LOGIN]);
  expect(role.memberships.map((m) => m.userId)).toEqual([member.id]);

  // Assign it to another user from the Roles tab of their page, still without the mouse.
  await page.goto(`/users/${assignee.id}`);
  await activate(page, page.getByRole("navigation", { name: "User pages" }).getByRole("link", { name: "Roles" }));
  await expect(page).toHaveURL(new RegExp(`/users/${assignee.id}/roles$`));
  await pressUntilFocused(page, page.getByRole("combobox", { name: "Find a role" }));
  await page.keyboard.type(name);
  await expect(page.getByRole("option", { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Roles to add" })).toContainText(name);
  await activate(page, button(page, "Review changes"));
  await expect(page.getByTestId("preview")).toBeVisible();
  // Focus stayed on the button while the review was worked out, instead of falling to the body.
  await expect(button(page, "Review changes")).toBeFocused();
  await activate(page, button(page, "Save"));
  await expect(page.getByText(`Roles saved: added ${name}.`)).toBeVisible();
  // The editor is remounted with the new version: focus goes to the page's heading.
  await expect(page.getByRole("heading", { level: 1, name: assignee.username })).toBeFocused();
  expect(await e2eDb().membership.count({ where: { roleId: role.id, userId: assignee.id } })).toBe(1);
});

adminTest("a click on the lower edge of Next or Review changes right after ticking a node is not lost", async ({ page }) => {
  await page.goto("/roles/new");
  await page.getByLabel("Role Name").fill(unique("click_"));
  await button(page, "Next").click();
  await page.getByLabel("Filter permissions").fill("logs");
  await page.getByRole("treeitem", { name: "Logs" }).click();
  await page.keyboard.press("Space");
  await clickLowerEdge(page, button(page, "Next"));
  await expect(stepHeading(page, 3)).toBeFocused();

  const role = await seedRole({ grants: [LOGIN] });
  await page.goto(`/roles/${role.id}/permissions`);
  await page.getByLabel("Filter permissions").fill("logs");
  await page.getByRole("treeitem", { name: "Logs" }).click();
  await page.keyboard.press("Space");
  await clickLowerEdge(page, button(page, "Review changes"));
  await expect(page.getByTestId("preview")).toBeVisible();
});

adminTest("members and roles are listed with Remove buttons that name them, and Keep undoes", async ({ page }) => {
  const member = await seedUser(e2eDb(), { username: unique("chipmember_") });
  const role = await seedRole({ memberIds: [member.id] });
  await page.goto(`/roles/${role.id}/users`);
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("checkbox")).toHaveCount(0);
  await members.getByRole("button", { name: `Remove ${member.username}`, exact: true }).click();
  await expect(members).toContainText("removed on save");
  await expectAccessible(page, "role members with a removal pending");
  await members.getByRole("button", { name: `Keep ${member.username}`, exact: true }).click();
  await expect(members).not.toContainText("removed on save");

  await page.goto(`/users/${member.id}/roles`);
  const current = page.getByRole("list", { name: "Current roles" });
  await current.getByRole("button", { name: `Remove ${role.name}`, exact: true }).click();
  await button(page, "Review changes").click();
  await expect(page.getByTestId("preview")).toBeVisible();
  await button(page, "Save").click();
  await expect(page.getByText(`Roles saved: removed ${role.name}.`)).toBeVisible();
  expect(await e2eDb().membership.count({ where: { roleId: role.id } })).toBe(0);
});

adminTest("Can this user do…? is a searchable picker, answered in sentences", async ({ page }) => {
  const role = await seedRole({ grants: [LOGIN, DELETE_USERS] });
  const user = await seedUser(e2eDb(), { username: unique("cando_") });
  await e2eDb().membership.create({ data: { userId: user.id, roleId: role.id } });
  await page.goto(`/users/${user.id}/permissions`);

  const picker = page.getByRole("combobox", { name: "Permission" });
  await picker.fill("delete users");
  const trail = "Admin Permissions › Manage › Identity › User Management › Delete";
  await expect(page.getByRole("listbox").getByRole("option").first()).toContainText(trail);
  await expectAccessible(page, "the permission picker, open");
  await picker.press("Enter");
  await expect(page.getByTestId("can-do-answer")).toContainText(`${user.username} can delete users (${trail}) through role ${role.name}.`);
  await expect(picker).toHaveValue(trail);

  await picker.fill("api-m admin");
  await picker.press("ArrowDown");
  await picker.press("ArrowUp");
  await picker.press("Enter");
  await expect(page.getByTestId("can-do-answer")).toContainText(
    `${user.username} cannot administer API Manager (Admin Permissions › Manage › API-M Admin): none of their roles`,
  );
  await expect(page).toHaveURL(/check=%2Fpermission%2Fadmin%2Fmanage%2Fapim_admin/);
});

adminTest("the wizard fits a 390 px wide window", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/roles/new");
  // The console's navigation collapses at this width (the shell's own work); hide it so the wizard's box is what is measured.
  await page.addStyleTag({ content: "nav[aria-label=Console]{display:none}" });
  const wizard = page.getByTestId("role-wizard");
  await page.getByLabel("Role Name").fill(unique("narrow_"));
  await expectNoSidewaysScroll(wizard);
  await button(page, "Next").click();
  await expect(page.getByRole("tree")).toBeVisible();
  await expectNoSidewaysScroll(wizard);
  await button(page, "Next").click();
  await expect(page.getByRole("list", { name: "Search results" })).toBeVisible();
  await expectNoSidewaysScroll(wizard);
  await button(page, "Next").click();
  await expectNoSidewaysScroll(wizard);
  await expect(button(page, "Finish")).toBeInViewport();
});
