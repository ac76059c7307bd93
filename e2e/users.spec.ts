import { expect, test, type Page } from "@playwright/test";
import { e2eDb, seedUser } from "./support/db.ts";
import { boundFilter } from "./support/filters.ts";
import { adminTest, openAdminPage, openViewerPage, stateFile } from "./support/signed-in.ts";
import { signIn } from "./support/auth.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { expectAccessible } from "./support/axe.ts";
import { seedReadOnlyStore, seedRole, unique } from "./support/seed.ts";
import { chooseRowAction, rowActions, rowMenuButton } from "./support/row-menu.ts";

const LOGIN = "/permission/admin/login";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The row whose name link is exactly `name` (the signed-in user's own row adds "you").
const rowOf = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^${escape(name)}\\s?(you)?$`) }) });

async function pickRole(page: Page, label: string, search: string, option: string) {
  await page.getByRole("combobox", { name: label }).fill(search);
  await page.getByRole("option", { name: new RegExp(option) }).click();
}

adminTest("an admin adds a user with an initial role, who can then sign in", async ({ page, browser }) => {
  await page.goto("/users");
  await page.getByRole("link", { name: "Add New User" }).click();
  const username = unique("newbie_");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill("twelve chars at least");
  await page.getByLabel("Confirm password").fill("twelve chars at least");
  await pickRole(page, "Initial roles", "Internal/pub", "Internal/publisher");
  await page.getByRole("button", { name: "Add User" }).click();
  await expect(page.getByText(`User ${username} added.`)).toBeVisible();
  await expect(page.getByTestId("user-roles")).toContainText("Internal/publisher");

  const other = await (await browser.newContext()).newPage();
  await signIn(other, username, "twelve chars at least");
  await other.goto("/");
  await expect(other.getByTestId("current-user")).toHaveText(username);
});

adminTest("Add New User explains every rule it enforces and keeps what was typed", async ({ page, admin }) => {
  await page.goto("/users/new");
  await page.getByLabel("Username").fill("has a space");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password").fill("different");
  await page.getByRole("button", { name: "Add User" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveValue("has a space");

  await page.getByLabel("Password", { exact: true }).fill("twelve chars at least");
  await page.getByLabel("Confirm password").fill("twelve chars at least");
  await page.getByRole("button", { name: "Add User" }).click();
  await expect(page.getByText(/Username must match/)).toBeVisible();

  await page.getByLabel("Username").fill(admin.username.toUpperCase());
  await page.getByRole("button", { name: "Add User" }).click();
  await expect(page.getByText(`A user named ${admin.username.toUpperCase()} already exists.`)).toBeVisible();
});

adminTest("hostile usernames are refused with a message or stored and shown as plain text", async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a dialog opened: a name was executed as markup");
  });
  const add = async (username: string) => {
    await page.goto("/users/new");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password", { exact: true }).fill("twelve chars at least");
    await page.getByLabel("Confirm password").fill("twelve chars at least");
    await page.getByRole("button", { name: "Add User" }).click();
  };
  await add("<img src=x onerror=alert(1)>");
  await expect(page.getByText(/Username must match/)).toBeVisible();
  await add("x".repeat(300));
  await expect(page.getByText("Username is too long.")).toBeVisible();
  await add("evil\u202Etxt.exe");
  await expect(page.getByText(/invisible or control characters/)).toBeVisible();

  for (const name of [`o'neil"<b>${unique("")}`, `مستخدم_${unique("")}`]) {
    await add(name);
    await expect(page.getByRole("heading", { name })).toBeVisible();
  }
  await page.goto("/users?q=o'neil*");
  await expect(page.getByRole("link", { name: /^o'neil"<b>/ })).toBeVisible();
});

adminTest("search takes WSO2 patterns; domain, claim, sort and page live in the URL", async ({ page }) => {
  const prefix = unique("srch");
  for (let i = 0; i < 12; i++) await seedUser(e2eDb(), { username: `${prefix}_${String(i).padStart(2, "0")}` });
  const tagged = await seedUser(e2eDb(), { username: `${prefix}_zz` });
  await e2eDb().userClaim.create({ data: { userId: tagged.id, claim: "http://wso2.org/claims/organization", value: "Acme" } });

  await page.goto("/users");
  await (await boundFilter(page, "Search users")).fill(`${prefix}*`);
  await page.getByLabel("Per page").selectOption("10");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row")).toHaveCount(11);
  await expect(rowOf(page, `${prefix}_00`)).toBeVisible();
  // The range and the total (exact under 1,000) follow the pages, a reload included.
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText("1–10 of 13");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(rowOf(page, `${prefix}_10`)).toBeVisible();
  await expect(rowOf(page, `${prefix}_00`)).toHaveCount(0);
  await expect(pager).toContainText("11–13 of 13");
  await page.reload();
  await expect(rowOf(page, `${prefix}_10`)).toBeVisible();
  await expect(pager).toContainText("11–13 of 13");
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(rowOf(page, `${prefix}_00`)).toBeVisible();
  await expect(pager).toContainText("1–10 of 13");

  await page.getByRole("link", { name: /^Username/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.getByRole("row").nth(1)).toContainText(`${prefix}_zz`);

  await page.goto(`/users?q=${prefix}*&claim=http://wso2.org/claims/organization&value=acm*`);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(rowOf(page, `${prefix}_zz`)).toBeVisible();
  await expect(pager).toContainText("1–1 of 1");
  await page.goto(`/users?q=${prefix}_nobody`);
  await expect(page.getByText("No users match")).toBeVisible();
});

adminTest("typing a search filters the list through the URL, from the first page, and Clear lifts it", async ({ page }) => {
  const prefix = unique("type");
  for (let i = 0; i < 11; i++) await seedUser(e2eDb(), { username: `${prefix}_${String(i).padStart(2, "0")}` });

  await page.goto(`/users?q=${prefix}*&size=10`);
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/&after=/);
  const search = await boundFilter(page, "Search users");
  await search.fill(`${prefix}_0*`);
  // No submit: the pause after typing navigates, keeping sort and size and dropping the cursor.
  await expect(page).toHaveURL(new RegExp(`\\?q=${prefix}_0\\*&sort=username&dir=asc&size=10$`));
  await expect(page.getByRole("row")).toHaveCount(11);
  await expect(rowOf(page, `${prefix}_00`)).toBeVisible();
  await expect(rowOf(page, `${prefix}_10`)).toHaveCount(0);

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(search).toHaveValue("");
  await expect(search).toBeFocused();
  await expect(page).toHaveURL(/\/users\?sort=username&dir=asc&size=10$/);
  await expect(page.getByRole("link", { name: "Next" })).toBeVisible();

  // Typing and Clear replaced the history entry: Back returns to the first search, and the box follows the URL.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?q=${prefix}\\*&size=10$`));
  await expect(search).toHaveValue(`${prefix}*`);
  await expect(page.getByRole("button", { name: "Clear" })).toBeVisible();
});

test("without JavaScript the filters are a plain GET form: Search filters the list with the page size", async ({ browser }) => {
  const prefix = unique("nojs");
  for (let i = 0; i < 3; i++) await seedUser(e2eDb(), { username: `${prefix}_${i}` });
  const context = await browser.newContext({ storageState: stateFile("admin"), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/users");
  await page.getByLabel("Search users").fill(`${prefix}*`);
  await page.getByLabel("Per page").selectOption("10");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}\\*&.*size=10`));
  await expect(page.getByRole("row")).toHaveCount(4);
  await expect(page.getByLabel("Search users")).toHaveValue(`${prefix}*`);
  await expect(page.getByLabel("Per page")).toHaveValue("10");
  await context.close();
});

adminTest("each row action works: change password, assign roles with preview, view roles, profile, delete", async ({ page, browser }) => {
  const target = await seedUser(e2eDb(), { grants: [LOGIN] });
  const monitors = await seedRole({ grants: ["/permission/admin/monitor/logs"] });

  await page.goto(`/users?q=${target.username}`);
  await chooseRowAction(rowOf(page, target.username), `Change password of ${target.username}`);
  await page.getByLabel("New password", { exact: true }).fill("a brand new password");
  await page.getByLabel("Confirm new password").fill("a brand new password");
  await page.getByRole("button", { name: "Change Password" }).click();
  await expect(page.getByText(`Password of ${target.username} changed.`)).toBeVisible();
  const targetPage = await (await browser.newContext()).newPage();
  await signIn(targetPage, target.username, "a brand new password");
  await targetPage.goto("/");
  await expect(targetPage).toHaveURL(/\/account\/password$/);

  const userTab = (name: string) => page.getByRole("navigation", { name: "User pages" }).getByRole("link", { name, exact: true });
  await userTab("Roles").click();
  await pickRole(page, "Find a role", monitors.name, monitors.name);
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("preview")).toContainText("Gains: Admin Permissions › Monitor › Logs");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Roles saved: added ${monitors.name}.`)).toBeVisible();

  await userTab("Permissions").click();
  await expect(page.getByTestId("effective-permissions")).toContainText(monitors.name);
  await expect(page.getByTestId("effective-permissions")).toContainText("/permission/admin/monitor/logs");
  await page.getByRole("combobox", { name: "Permission" }).fill("monitor logs");
  await page.getByRole("option", { name: /Admin Permissions › Monitor › Logs/ }).click();
  await expect(page.getByTestId("can-do-answer")).toContainText(
    `can read the logs (Admin Permissions › Monitor › Logs) through role ${monitors.name}.`,
  );
  await page.getByRole("combobox", { name: "Permission" }).fill("/permission/admin/manage/apim_admin");
  await page.getByRole("combobox", { name: "Permission" }).press("Enter");
  await expect(page.getByTestId("can-do-answer")).toContainText("No");

  await userTab("Details").click();
  await page.getByRole("link", { name: "User Profile" }).click();
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await page.getByLabel("Email").fill("target@example.com");
  await page.getByLabel("First name").fill("Zoë");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText(`Profile of ${target.username} saved.`)).toBeVisible();

  await page.goto(`/users?q=${target.username}`);
  await chooseRowAction(rowOf(page, target.username), `Delete ${target.username}`);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(rowOf(page, target.username)).toBeVisible();
  await chooseRowAction(rowOf(page, target.username), `Delete ${target.username}`);
  await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
  await expect(page.getByText(`User ${target.username} deleted.`)).toBeVisible();
  await expect(rowOf(page, target.username)).toHaveCount(0);
  await targetPage.reload();
  await expect(targetPage).toHaveURL(/\/login/);
});

adminTest(
  "one menu and one confirmation serve every row: keyboard only, Escape returns focus, confirm deletes only that user",
  async ({ page }) => {
    const prefix = unique("confirm");
    const [first, second] = [await seedUser(e2eDb(), { username: `${prefix}_a` }), await seedUser(e2eDb(), { username: `${prefix}_b` })];
    await page.goto(`/users?q=${prefix}*`);
    const dialog = page.getByRole("dialog");
    const menu = page.getByRole("menu");
    const menuOf = (username: string) => page.getByRole("button", { name: `Actions for ${username}`, exact: true });

    // One tab stop for a row's actions: the cell holds the menu button alone.
    for (const user of [first, second])
      await expect(rowOf(page, user.username).locator("td").last().locator("a, button, input")).toHaveCount(1);

    // Enter opens the menu on its first item, the arrows move, Escape closes it onto the button.
    await menuOf(second.username).focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAccessibleName(`Actions for ${second.username}`);
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await expect(menu.getByRole("menuitem").first()).toHaveAccessibleName(`Change password of ${second.username}`);
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: `Assign roles to ${second.username}` })).toBeFocused();
    await page.keyboard.press("End");
    await expect(menu.getByRole("menuitem", { name: `Delete ${second.username}`, exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(menuOf(second.username)).toBeFocused();
    await expect(menuOf(second.username)).toHaveAttribute("aria-expanded", "false");

    // ArrowDown opens it too; Delete asks first, and Cancel (or Escape) returns to the row's button.
    await page.keyboard.press("ArrowDown");
    // Focus lands on the first item a moment after the menu shows: End before that would be
    // overtaken by it (seen in CI: Enter then followed "Change password").
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await page.keyboard.press("End");
    // Enter only once Delete holds focus: CI once saw Enter follow "Change password" here.
    await expect(menu.getByRole("menuitem", { name: `Delete ${second.username}`, exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("heading")).toHaveText(`Delete ${second.username}?`);
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(menuOf(second.username)).toBeFocused();

    // Another row, Space this time: the same menu and dialog now name that row's user.
    await menuOf(first.username).focus();
    await page.keyboard.press(" ");
    await expect(menu).toHaveAccessibleName(`Actions for ${first.username}`);
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await page.keyboard.press("End");
    await expect(menu.getByRole("menuitem", { name: `Delete ${first.username}`, exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("heading")).toHaveText(`Delete ${first.username}?`);
    expect(await e2eDb().user.count({ where: { id: { in: [first.id, second.id] } } })).toBe(2);
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Delete user" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText(`User ${first.username} deleted.`)).toBeVisible();
    await expect(rowOf(page, first.username)).toHaveCount(0);
    await expect(rowOf(page, second.username)).toBeVisible();
    expect(await e2eDb().user.count({ where: { id: first.id } })).toBe(0);
    expect(await e2eDb().user.count({ where: { id: second.id } })).toBe(1);
  },
);

adminTest("the open row menu and the delete confirmation pass axe", async ({ page }) => {
  const user = await seedUser(e2eDb(), { username: unique("axe_") });
  await page.goto(`/users?q=${user.username}`);
  await rowMenuButton(rowOf(page, user.username)).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, "the Users page with a row menu open");
  await page.getByRole("menuitem", { name: `Delete ${user.username}`, exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the delete confirmation", "dialog");
});

adminTest("WSO2's rules: no self-delete, the admin account's row is locked, read-only stores are view-only", async ({ page, admin }) => {
  const ldap = await seedReadOnlyStore();

  await page.goto(`/users?q=${admin.username}`);
  expect(await rowActions(rowOf(page, admin.username))).toEqual(["Change password", "Assign roles", "Edit profile"]);

  await page.goto("/users?q=admin");
  const adminRow = rowOf(page, "admin");
  await expect(adminRow.getByRole("link", { name: "admin" })).toBeVisible();
  await expect(rowMenuButton(adminRow)).toHaveCount(0);
  const adminId = (await e2eDb().user.findFirstOrThrow({ where: { username: "admin" } })).id;
  expect((await page.goto(`/users/${adminId}/password`))?.status()).toBe(403);

  await page.goto(`/users?domain=${ldap.domain}`);
  const ro = rowOf(page, ldap.user.username);
  await expect(ro).toContainText("(Read-Only)");
  // Hybrid roles (Internal/*, Application/*) stay Gatehouse's to give, as in WSO2 (#13); nothing else.
  await expect(ro.getByRole("link")).toHaveText([ldap.user.username]);
  expect(await rowActions(ro)).toEqual(["Assign roles"]);
  expect((await page.goto(`/users/${ldap.user.id}/profile`))?.status()).toBe(403);
});

test("a view-only admin sees no row menu on Users, and a delete posted directly is refused", async ({ browser }) => {
  const target = await seedUser(e2eDb(), { grants: [LOGIN] });
  const viewerPage = await openViewerPage(browser);
  await viewerPage.goto(`/users?q=${target.username}`);
  await expect(rowOf(viewerPage, target.username).getByRole("link", { name: target.username })).toBeVisible();
  await expect(rowMenuButton(viewerPage.getByRole("table"))).toHaveCount(0);
  await expect(viewerPage.getByRole("checkbox")).toHaveCount(0);

  const adminPage = await openAdminPage(browser);
  await adminPage.goto(`/users?q=${target.username}`);
  const action = await captureAction(adminPage, async () => {
    await chooseRowAction(rowOf(adminPage, target.username), `Delete ${target.username}`);
    await adminPage.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
  });
  const refused = await replayAction(viewerPage, action);
  expect(refused.text).toContain("FORBIDDEN");
  expect(await e2eDb().user.count({ where: { id: target.id } })).toBe(1);
});

adminTest("deleting yourself is refused even when posted directly", async ({ page, admin }) => {
  const victim = await seedUser(e2eDb(), { grants: [LOGIN] });
  await page.goto(`/users?q=${victim.username}`);
  const action = await captureAction(page, async () => {
    await chooseRowAction(rowOf(page, victim.username), `Delete ${victim.username}`);
    await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
  });
  const self = await e2eDb().user.findUniqueOrThrow({ where: { id: admin.id } });
  const forged = { ...action, body: withField(action, "id", String(admin.id)) };
  const result = await replayAction(page, forged, withField(forged, "version", String(self.version)));
  expect(result.text).toContain("You cannot delete your own account.");
  expect(await e2eDb().user.count({ where: { id: admin.id } })).toBe(1);
});

adminTest("select users across pages, then give them a role or delete them together, with progress and a summary", async ({ page }) => {
  const prefix = unique("bulk");
  const users = [];
  for (let i = 0; i < 12; i++) users.push(await seedUser(e2eDb(), { username: `${prefix}_${String(i).padStart(2, "0")}` }));
  const role = await seedRole({ grants: [LOGIN] });

  await page.goto(`/users?q=${prefix}*&size=10`);
  await page.getByLabel(`Select ${prefix}_00`).check();
  await page.getByLabel(`Select ${prefix}_01`).check();
  await page.getByRole("link", { name: "Next" }).click();
  await page.getByLabel(`Select ${prefix}_11`).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  await pickRole(page, "Role to assign", role.name, role.name);
  await page.getByRole("button", { name: "Assign role to selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Assigned ${role.name} to 3 users.` })).toBeVisible();
  expect(await e2eDb().membership.count({ where: { roleId: role.id } })).toBe(3);

  await page.getByLabel(`Select ${prefix}_10`).check();
  await page.getByLabel(`Select ${prefix}_11`).check();
  await page.getByRole("button", { name: "Delete selected…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete 2 users" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted 2 users." })).toBeVisible();
  expect(await e2eDb().user.count({ where: { username: { startsWith: prefix } } })).toBe(10);
});

test("two admins editing one user: the second save is refused with a reload offer", async ({ browser }) => {
  const target = await seedUser(e2eDb(), { grants: [LOGIN] });
  const [a, b] = await Promise.all([openAdminPage(browser), openAdminPage(browser)]);
  for (const p of [a, b]) {
    await p.goto(`/users/${target.id}/profile`);
  }
  await a.getByLabel("Organization").fill("First Corp");
  await a.getByRole("button", { name: "Save profile" }).click();
  await expect(a.getByText(`Profile of ${target.username} saved.`)).toBeVisible();

  await b.getByLabel("Organization").fill("Second Corp");
  await b.getByRole("button", { name: "Save profile" }).click();
  await expect(b.getByText("Someone else changed this user after you opened it.")).toBeVisible();
  await b.getByRole("button", { name: "Reload" }).click();
  await expect(b.getByLabel("Organization")).toHaveValue("First Corp");
});
