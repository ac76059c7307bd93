import { expect, test, type Page } from "@playwright/test";
import { e2eDb, IN_SUPER_TENANT, seedUser } from "./support/db.ts";
import { adminTest, openAdminPage, viewerTest } from "./support/signed-in.ts";
import { signIn } from "./support/auth.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { seedReadOnlyStore, seedRole, unique } from "./support/seed.ts";
import { chooseRowAction, rowActions, rowMenuButton } from "./support/row-menu.ts";
import { expectAccessible } from "./support/axe.ts";

const LOGIN = "/permission/admin/login";
const ROLE_MANAGER = [LOGIN, "/permission/admin/manage/identity/rolemgt", "/permission/admin/manage/identity/usermgt/view"] as const;
const rowOf = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
const treeItem = (page: Page, name: string) => page.getByRole("treeitem", { name, exact: true });
const roleNamed = (name: string) => e2eDb().role.findFirstOrThrow({ where: { name }, include: { grants: true, memberships: true } });

async function startWizard(page: Page, name: string) {
  await page.goto("/roles");
  await page.getByRole("link", { name: "Add New Role" }).click();
  await page.getByLabel("Role Name").fill(name);
}

const stepHeading = (page: Page, n: number) => page.getByRole("heading", { name: new RegExp(`^Step ${n} of 4`) });

/** Next until the review, then Finish: nothing is written before. */
async function finishFromHere(page: Page) {
  const at = Number((await page.locator("#wizard-step").textContent())?.match(/^Step (\d)/)?.[1]);
  for (let step = at + 1; step <= 4; step++) {
    await page.getByRole("button", { name: "Next" }).click();
    await expect(stepHeading(page, step)).toBeFocused();
  }
  await page.getByRole("button", { name: "Finish" }).click();
}

const escaped = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

/** Next on the first step is refused with `message` on the name field, which gets focus back. */
async function expectNameRefused(page: Page, message: string | RegExp) {
  await page.getByRole("button", { name: "Next" }).click();
  // The description is the field's hint, then the reason.
  await expect(page.getByLabel("Role Name")).toHaveAccessibleDescription(typeof message === "string" ? escaped(message) : message);
  await expect(page.getByLabel("Role Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Role Name")).toBeFocused();
  await expect(stepHeading(page, 1)).toBeVisible();
}

test.describe("the Add New Role wizard", () => {
  adminTest("Next through every step to the review, then Finish, creates the role with nothing else", async ({ page }) => {
    const name = unique("wiz1_");
    await startWizard(page, name);
    await expect(page.getByRole("button", { name: "Finish" })).toHaveCount(0);
    await finishFromHere(page);
    await expect(page.getByText(`Role ${name} added.`)).toBeVisible();
    const role = await roleNamed(name);
    expect(role.grants).toEqual([]);
    expect(role.memberships).toEqual([]);
  });

  adminTest("Next to the tree, tick, then review and Finish, saves the permissions", async ({ page }) => {
    const name = unique("wiz2_");
    await startWizard(page, name);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(stepHeading(page, 2)).toBeFocused();
    await page.getByLabel("Filter permissions").fill("logs");
    await treeItem(page, "Logs").click();
    await page.keyboard.press("Space");
    await expect(treeItem(page, "Logs")).toHaveAttribute("aria-checked", "true");
    await expect(treeItem(page, "Monitor (Admin Permissions)")).toHaveAttribute("aria-checked", "mixed");
    await expect(page.getByTestId("selected-count")).toHaveText("1 of 75 permissions selected.");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    const review = page.getByTestId("role-review");
    await expect(review.getByRole("heading", { name: "Permissions: 1 permission" })).toBeVisible();
    await expect(review.getByRole("list", { name: "Granted permissions" })).toHaveText(
      "Admin Permissions › Monitor › Logs /permission/admin/monitor/logs",
    );
    await expect(review.getByRole("heading", { name: "Members: 0 users" })).toBeVisible();
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page.getByText(`Role ${name} added.`)).toBeVisible();
    expect((await roleNamed(name)).grants.map((g) => g.permission)).toEqual(["/permission/admin/monitor/logs"]);
  });

  adminTest("every step, with Back and the review's links, keeps each choice until Finish", async ({ page }) => {
    const member = await seedUser(e2eDb(), { username: unique("wizmember_") });
    const name = unique("wiz3_");
    await startWizard(page, name);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Filter permissions").fill("login");
    await treeItem(page, "Login").click();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Next" }).click();
    // Users are listed at once, before any search.
    await expect(page.getByRole("list", { name: "Search results" }).getByRole("checkbox").first()).toBeVisible();
    await page.getByLabel("Search users").fill(member.username);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByLabel(member.username).check();
    await expect(page.getByRole("list", { name: "Chosen users" })).toHaveText(`${member.username}×`);
    await page.getByRole("button", { name: "Back" }).click();
    await expect(treeItem(page, "Login")).toHaveAttribute("aria-checked", "true");
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("Role Name")).toHaveValue(name);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    const review = page.getByTestId("role-review");
    await expect(review.getByRole("list", { name: "Members" })).toHaveText(member.username);
    await review.getByRole("button", { name: "Change the name" }).click();
    await expect(stepHeading(page, 1)).toBeFocused();
    expect(await e2eDb().role.count({ where: { name } })).toBe(0);
    await finishFromHere(page);
    await expect(page.getByText(`Role ${name} added.`)).toBeVisible();
    await expect(page.getByTestId("role-members")).toContainText(member.username);
    const role = await roleNamed(name);
    expect(role.grants.map((g) => g.permission)).toEqual([LOGIN]);
    expect(role.memberships.map((m) => m.userId)).toEqual([member.id]);
  });

  adminTest("an invalid or duplicate name is refused on Next, on the name field, before any other step", async ({ page }) => {
    const existing = await seedRole();
    await startWizard(page, "a/b");
    await expectNameRefused(page, /Role name cannot contain “\/”|must match/);
    await page.getByLabel("Role Name").fill(existing.name);
    await expectNameRefused(page, `A role named ${existing.name} already exists.`);
    // Editing the name clears the old reason.
    await page.getByLabel("Role Name").fill(`${existing.name}x`);
    await expect(page.getByLabel("Role Name")).not.toHaveAttribute("aria-invalid");
    await page.getByLabel("Role Name").fill(`<img src=x onerror=alert(1)>`);
    await expectNameRefused(page, /Role name must match/);
    expect(await e2eDb().role.count({ where: { name: { in: ["a/b", `${existing.name}x`] } } })).toBe(0);
  });

  adminTest("a name taken after Next is refused at Finish, back on the name field", async ({ page }) => {
    const name = unique("wizrace_");
    await startWizard(page, name);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(stepHeading(page, 2)).toBeFocused();
    await seedRole({ name });
    await finishFromHere(page);
    await expect(page.getByLabel("Role Name")).toHaveAccessibleDescription(escaped(`A role named ${name} already exists.`));
    await expect(page.getByLabel("Role Name")).toBeFocused();
  });

  adminTest("a name that looks like an existing role is refused on the name field, naming that role", async ({ page }) => {
    const existing = await seedRole({ name: unique("lookalike_") });
    const lookAlike = existing.name.replace("o", "\u043E"); // a Cyrillic о
    await startWizard(page, lookAlike);
    const message = `"${lookAlike}" looks like the existing role "${existing.name}"; choose a clearly different name.`;
    await expectNameRefused(page, message);
    await expect(page.getByText(message)).toBeVisible();
    expect(await e2eDb().role.count({ where: { name: lookAlike } })).toBe(0);
  });

  adminTest("hostile role names are refused with a message or stored and shown as plain text", async ({ page }) => {
    page.on("dialog", () => {
      throw new Error("a dialog opened: a name was executed as markup");
    });
    await startWizard(page, "x".repeat(300));
    await expectNameRefused(page, /Role name (is too long|must match)/);
    await page.getByLabel("Role Name").fill("evil\u202Etxt");
    await expectNameRefused(page, /invisible or control characters/);

    for (const name of [`o'n"<b>${unique("")}`, `دور_${unique("")}`]) {
      await startWizard(page, name);
      await finishFromHere(page);
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    }
  });
});

test("a permission change reaches a member's open session on their next request", async ({ browser }) => {
  const role = await seedRole({ grants: [LOGIN, "/permission/admin/manage/identity/usermgt/view"] });
  const member = await seedUser(e2eDb());
  await e2eDb().membership.create({ data: { userId: member.id, roleId: role.id } });
  const memberPage = await (await browser.newContext()).newPage();
  const adminPage = await openAdminPage(browser);
  await signIn(memberPage, member.username, member.password);
  expect((await memberPage.goto("/users"))?.status()).toBe(200);

  await adminPage.goto(`/roles/${role.id}/permissions`);
  await adminPage.getByLabel("Filter permissions").fill("usermgt/view");
  await treeItem(adminPage, "View (User Management)").click();
  await adminPage.keyboard.press("Space");
  await expect(treeItem(adminPage, "View (User Management)")).toHaveAttribute("aria-checked", "false");
  await adminPage.getByRole("button", { name: "Review changes" }).click();
  await expect(adminPage.getByTestId("preview")).toContainText("1 user lose it");
  await adminPage.getByRole("button", { name: "Save" }).click();
  await expect(adminPage.getByText(/Permissions saved: 0 added, 1 removed/)).toBeVisible();

  // Same session cookie, no sign-in in between.
  expect((await memberPage.goto("/users"))?.status()).toBe(403);
  expect((await memberPage.goto("/"))?.status()).toBe(200);
});

adminTest("the permission tree works from the keyboard alone", async ({ page }) => {
  await startWizard(page, unique("kbd_"));
  await page.getByRole("button", { name: "Next" }).click();
  await treeItem(page, "All Permissions").focus();
  await page.keyboard.press("ArrowDown");
  await expect(treeItem(page, "Super Admin Permissions")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(treeItem(page, "Admin Permissions")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(treeItem(page, "Login")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(treeItem(page, "Configure (Admin Permissions)")).toBeFocused();
  await expect(treeItem(page, "Configure (Admin Permissions)")).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(treeItem(page, "Security")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(treeItem(page, "Security")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(treeItem(page, "Security")).toHaveAttribute("aria-checked", "true");
  await expect(treeItem(page, "Configure (Admin Permissions)")).toHaveAttribute("aria-checked", "mixed");
  await page.keyboard.press("ArrowLeft");
  await expect(treeItem(page, "Configure (Admin Permissions)")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(treeItem(page, "Security")).toHaveCount(0);
  // Type-ahead: letters typed together find the next node starting with them.
  await page.keyboard.type("mo");
  await expect(treeItem(page, "Monitor (Admin Permissions)")).toBeFocused();
  const details = page.getByTestId("permission-details");
  await expect(details).toContainText("Admin Permissions › Monitor");
  await expect(details).toContainText("/permission/admin/monitor");
  await expect(page.getByTestId("selected-count")).toHaveText(/^\d+ of 75 permissions selected\.$/);
  await expectAccessible(page, "the permission tree", "[role=tree]");
  // The description stays put when focus leaves the tree.
  await page.keyboard.press("Tab");
  await expect(treeItem(page, "Monitor (Admin Permissions)")).not.toBeFocused();
  await expect(details).toContainText("/permission/admin/monitor");
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(treeItem(page, "Dead Letter Channel")).toBeVisible();
  await page.getByLabel("Filter permissions").fill("rolemgt");
  await expect(treeItem(page, "Role Management")).toBeVisible();
  await expect(treeItem(page, "Delete (Role Management)")).toBeVisible();
  await expect(treeItem(page, "Login")).toHaveCount(0);
});

adminTest(
  "each role action works: rename, edit permissions with a preview, assign users with a preview, view users, delete",
  async ({ page }) => {
    const member = await seedUser(e2eDb(), { grants: [LOGIN] });
    const newcomer = await seedUser(e2eDb(), { username: unique("newcomer_") });
    const role = await seedRole({ grants: [LOGIN], memberIds: [member.id] });

    await page.goto(`/roles?q=${role.name}`);
    await chooseRowAction(rowOf(page, role.name), `Rename ${role.name}`);
    const renamed = `${role.name}_x`;
    await page.getByLabel("New role name").fill(renamed);
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText(`Renamed ${role.name} to ${renamed}.`)).toBeVisible();

    await page.getByRole("link", { name: "Edit Permissions" }).click();
    await page.getByLabel("Filter permissions").fill("logs");
    await treeItem(page, "Logs").click();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByTestId("preview")).toContainText("+ Admin Permissions › Monitor › Logs: 1 user gain it");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/Permissions saved: 1 added, 0 removed/)).toBeVisible();

    await page.getByRole("link", { name: "Assign Users" }).click();
    await page.getByLabel("Search users").fill(newcomer.username);
    await page.getByRole("button", { name: "Search", exact: true }).first().click();
    await page.getByLabel(newcomer.username, { exact: true }).check();
    await page.getByRole("button", { name: `Remove ${member.username}`, exact: true }).click();
    await expect(page.getByRole("button", { name: `Keep ${member.username}`, exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Review changes" }).click();
    await expect(page.getByTestId("preview")).toContainText("+ Admin Permissions › Login: 1 user gain it");
    await expect(page.getByTestId("preview")).toContainText("− Admin Permissions › Monitor › Logs: 1 user lose it");
    // The removed member keeps Login through their own role, and the preview knows it.
    await expect(page.getByTestId("preview")).toContainText("− Admin Permissions › Login: 0 users lose it");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Users saved: 1 added, 1 removed.")).toBeVisible();

    await page.getByRole("link", { name: "View Users" }).click();
    await expect(page.getByTestId("role-members")).toHaveText(newcomer.username);

    await page.goto(`/roles?q=${renamed}`);
    await chooseRowAction(rowOf(page, renamed), `Delete ${renamed}`);
    await expect(page.getByRole("dialog").getByRole("heading")).toHaveText(`Delete ${renamed}?`);
    await expect(page.getByRole("dialog")).toContainText("1 member loses the role and its permissions.");
    await page.getByRole("dialog").getByRole("button", { name: "Delete role" }).click();
    await expect(page.getByText(`Role ${renamed} deleted.`)).toBeVisible();
    expect(await e2eDb().role.count({ where: { id: role.id } })).toBe(0);
  },
);

adminTest("View Users pages through a large role", async ({ page }) => {
  const prefix = unique("big");
  const members = [];
  for (let i = 0; i < 30; i++) members.push(await seedUser(e2eDb(), { username: `${prefix}_${String(i).padStart(2, "0")}` }));
  const role = await seedRole({ memberIds: members.map((m) => m.id) });
  await page.goto(`/roles/${role.id}`);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(page.getByTestId("role-members").getByRole("listitem")).toHaveCount(25);
  await expect(pager).toContainText("1–25 of 30");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("role-members").getByRole("listitem")).toHaveCount(5);
  await expect(page.getByTestId("role-members")).toContainText(`${prefix}_29`);
  await expect(pager).toContainText("26–30 of 30");
  // A search counts only its matches: the roles list and the member list alike.
  await page.goto(`/roles/${role.id}?q=${prefix}_1`);
  await expect(page.getByTestId("role-members").getByRole("listitem")).toHaveCount(10);
  await expect(pager).toContainText("1–10 of 10");
  await page.goto(`/roles?q=${role.name}`);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–1 of 1");
});

adminTest("WSO2's rules for special roles are shown exactly and enforced on the server", async ({ page }) => {
  const ldap = await seedReadOnlyStore();

  await page.goto("/roles?q=admin");
  // The admin role's name cell carries a badge, so its accessible name includes it.
  const adminRow = rowOf(page, "admin admin role");
  // The name links to the role's page; its menu offers what WSO2 allows on the admin role.
  await expect(adminRow.getByRole("link")).toHaveText(["admin admin role"]);
  expect(await rowActions(adminRow)).toEqual(["Assign users"]);
  const adminRole = await e2eDb().role.findFirstOrThrow({ where: { kind: "admin", ...IN_SUPER_TENANT } });
  for (const path of ["rename", "permissions"]) expect((await page.goto(`/roles/${adminRole.id}/${path}`))?.status(), path).toBe(403);

  await page.goto("/roles?q=Internal/*");
  await expect(rowOf(page, "Internal/everyone").getByRole("link")).toHaveCount(0);
  await expect(rowOf(page, "Internal/everyone")).toContainText("Every user, always");
  await expect(rowOf(page, "Internal/system")).toHaveCount(0);
  const everyone = await e2eDb().role.findFirstOrThrow({ where: { kind: "everyone", ...IN_SUPER_TENANT } });
  await page.goto(`/roles/${everyone.id}`);
  await expect(page.getByText("No member list")).toBeVisible();

  await page.goto(`/roles?domain=${ldap.domain}`);
  await expect(rowOf(page, ldap.qualifiedRole).getByRole("link")).toHaveText([ldap.qualifiedRole]);
  await expect(rowMenuButton(rowOf(page, ldap.qualifiedRole))).toHaveCount(0);
  expect((await page.goto(`/roles/${ldap.role.id}/users`))?.status()).toBe(403);
});

test("no escalation: a role manager can neither grant nor hand out what they lack, even posting directly", async ({ page }) => {
  const manager = await seedUser(e2eDb(), { grants: ROLE_MANAGER });
  const own = await seedRole({ grants: [LOGIN] });
  const adminRole = await e2eDb().role.findFirstOrThrow({ where: { kind: "admin", ...IN_SUPER_TENANT } });
  await signIn(page, manager.username, manager.password);

  await page.goto(`/roles?q=admin`);
  expect(await rowActions(rowOf(page, "admin admin role"))).not.toContain("Assign users");
  expect((await page.goto(`/roles/${adminRole.id}/users`))?.status()).toBe(403);

  await page.goto(`/roles/${own.id}/permissions`);
  await page.getByLabel("Filter permissions").fill("apim");
  await expect(treeItem(page, "API-M Admin")).toHaveAttribute("aria-disabled", "true");
  await page.getByLabel("Filter permissions").fill("rolemgt");
  await treeItem(page, "View (Role Management)").click();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("preview")).toBeVisible();
  const save = await captureAction(page, () => page.getByRole("button", { name: "Save" }).click());
  const forged = await replayAction(page, save, withField(save, "permissions", "/permission/admin/manage/apim_admin"));
  expect(forged.text).toContain("you do not hold");
  expect((await roleNamed(own.name)).grants.map((g) => g.permission)).toEqual([LOGIN]);
});

test("two admins editing one role: the second save is refused with a reload offer", async ({ browser }) => {
  const role = await seedRole({ grants: [LOGIN] });
  const [a, b] = await Promise.all([openAdminPage(browser), openAdminPage(browser)]);
  for (const p of [a, b]) {
    await p.goto(`/roles/${role.id}/permissions`);
    await p.getByLabel("Filter permissions").fill("logs");
    await treeItem(p, "Logs").click();
    await p.keyboard.press("Space");
    await p.getByRole("button", { name: "Review changes" }).click();
    await expect(p.getByTestId("preview")).toBeVisible();
  }
  await a.getByRole("button", { name: "Save" }).click();
  await expect(a.getByText(/Permissions saved/)).toBeVisible();
  await b.getByRole("button", { name: "Save" }).click();
  await expect(b.getByText("Someone else changed this role after you opened it.")).toBeVisible();
  await b.getByRole("button", { name: "Reload" }).click();
  await expect(treeItem(b, "Admin Permissions")).toBeVisible();
});

viewerTest("a view-only user browses users and roles and finds nothing to change", async ({ page }) => {
  const someone = await seedUser(e2eDb(), { grants: [LOGIN] });
  const role = await seedRole({ memberIds: [someone.id] });
  await page.goto(`/users?q=${someone.username}`);
  await expect(page.getByRole("link", { name: someone.username, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add New User" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: someone.username }).getByRole("link")).toHaveText([someone.username]);
  await expect(rowMenuButton(page.getByRole("table"))).toHaveCount(0);

  await page.goto(`/roles?q=${role.name}`);
  await expect(page.getByRole("link", { name: "Add New Role" })).toHaveCount(0);
  await expect(rowOf(page, role.name).getByRole("link")).toHaveText([role.name]);
  await expect(rowMenuButton(rowOf(page, role.name))).toHaveCount(0);
  await page.goto(`/roles/${role.id}`);
  await expect(page.getByTestId("role-members")).toContainText(someone.username);
  await expect(page.getByRole("treeitem", { name: "All Permissions" })).toHaveAttribute("aria-disabled", "true");
  // A user's Roles tab is read-only for them (#14); only the editors' pages refuse.
  for (const path of ["/users/new", "/roles/new", `/roles/${role.id}/permissions`]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
});
