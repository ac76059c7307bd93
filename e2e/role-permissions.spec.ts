import { expect, type Page } from "@playwright/test";
import { e2eDb, IN_SUPER_TENANT } from "./support/db.ts";
import { adminTest, openViewerPage } from "./support/signed-in.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { seedRole, unique } from "./support/seed.ts";
import { chooseRowAction } from "./support/row-menu.ts";

const PAGE = "/settings/role-permissions";
const rowOf = (page: Page, role: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: role, exact: true }) });
const aliasTargets = async (roleId: number) =>
  (await e2eDb().roleAlias.findMany({ where: { aliasRoleId: roleId }, include: { role: true } })).map((a) => a.role.name).sort();
const scopesOf = async (roleId: number) =>
  (await e2eDb().apiScope.findMany({ where: { roles: { some: { roleId } } }, orderBy: { name: "asc" } })).map((s) => s.name);

async function startWizard(page: Page, role: string) {
  await page.goto(PAGE);
  await page.getByRole("link", { name: "Add role permission" }).click();
  await page.getByLabel("Role name").fill(role);
  await page.getByRole("button", { name: "Next" }).click();
}

adminTest("the wizard maps a role as an alias; edit adds a target; delete removes only the alias", async ({ page }) => {
  const role = await seedRole();

  await startWizard(page, role.name);
  await expect(page.getByRole("listitem").filter({ hasText: "2. Select permissions" })).toHaveAttribute("aria-current", "step");
  await page.getByLabel("Role alias").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Choose at least one role to map to.")).toBeVisible();
  await page.getByLabel("Roles to map to").fill("Internal/creator");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Permission mapping for ${role.name} added`)).toBeVisible();
  expect(await aliasTargets(role.id)).toEqual(["creator"]);

  await page.goto(`${PAGE}?q=${role.name}`);
  await expect(rowOf(page, role.name).getByRole("list", { name: `${role.name} is an alias of` })).toHaveText("Internal/creator");
  await chooseRowAction(rowOf(page, role.name), `Edit ${role.name}`);
  await page.getByLabel("Roles to map to").fill("Internal/publisher");
  await page.getByRole("button", { name: "Add role" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Permission mapping for ${role.name} saved`)).toBeVisible();
  expect(await aliasTargets(role.id)).toEqual(["creator", "publisher"]);

  const creator = await e2eDb().role.findFirstOrThrow({ where: { name: "creator", store: { domain: "Internal" }, ...IN_SUPER_TENANT } });
  const creatorScopes = await scopesOf(creator.id);
  await page.goto(`${PAGE}?q=${role.name}`);
  await chooseRowAction(rowOf(page, role.name), `Delete alias ${role.name}`);
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  expect(await aliasTargets(role.id)).toHaveLength(2);
  await chooseRowAction(rowOf(page, role.name), `Delete alias ${role.name}`);
  await page.getByRole("dialog").getByRole("button", { name: "Delete alias" }).click();
  await expect(page.getByText(`Alias ${role.name} deleted.`)).toBeVisible();
  await expect(rowOf(page, role.name)).toHaveCount(0);
  expect(await aliasTargets(role.id)).toEqual([]);
  expect(await scopesOf(creator.id)).toEqual(creatorScopes);
});

adminTest("the wizard maps a role to custom scopes; edit changes them; delete takes the role off every scope", async ({ page }) => {
  const role = await seedRole();

  await startWizard(page, role.name);
  await page.getByLabel("Custom permissions").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  await page.getByLabel("Filter scopes").fill("apim:api_view");
  await page.getByLabel("apim:api_view", { exact: true }).check();
  await page.getByLabel("Filter scopes").fill("");
  await page.getByLabel("apim:subscribe", { exact: true }).check();
  // Not "of 47": tenant-conf-offers.spec.ts adds a scope to the catalog.
  await expect(page.getByText(/^2 of \d+ scopes selected$/)).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Permission mapping for ${role.name} added`)).toBeVisible();
  expect(await scopesOf(role.id)).toEqual(["apim:api_view", "apim:subscribe"]);

  await page.goto(`${PAGE}?q=${role.name}`);
  await rowOf(page, role.name).getByRole("link", { name: "2 scopes" }).click();
  await expect(page.getByTestId("role-scopes")).toContainText("apim:subscribe");
  await expect(page.getByTestId("role-scopes")).toContainText("Subscribe API");

  await page.goto(`${PAGE}?q=${role.name}`);
  await chooseRowAction(rowOf(page, role.name), `Edit ${role.name}`);
  await page.getByLabel("apim:subscribe", { exact: true }).uncheck();
  await page.getByLabel("All Admin scopes").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Permission mapping for ${role.name} saved`)).toBeVisible();
  const adminTag = (await e2eDb().apiScope.findMany({ where: { tag: "admin", ...IN_SUPER_TENANT } })).map((s) => s.name);
  expect(await scopesOf(role.id)).toEqual(["apim:api_view", ...adminTag].sort());

  await page.goto(`${PAGE}?q=${role.name}`);
  await chooseRowAction(rowOf(page, role.name), `Delete scopes ${role.name}`);
  await page.getByRole("dialog").getByRole("button", { name: "Delete scopes" }).click();
  await expect(page.getByText(`${role.name} removed from every scope.`)).toBeVisible();
  expect(await scopesOf(role.id)).toEqual([]);
});

adminTest("step 1 refuses an unknown role and a role that already has a mapping, as APIM does", async ({ page }) => {
  await startWizard(page, unique("nosuchrole_"));
  await expect(page.getByText(/There is no role named/)).toBeVisible();
  await page.getByLabel("Role name").fill("Internal/creator");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Permission mapping exist")).toBeVisible();
  await expect(page.getByLabel("Custom permissions")).toHaveCount(0);
});

adminTest("the admin role stays on every scope: no Edit or Delete, and a forged delete is refused", async ({ page }) => {
  const role = await seedRole();
  await startWizard(page, role.name);
  await page.getByLabel("Custom permissions").check();
  await page.getByLabel("apim:api_view", { exact: true }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Permission mapping for ${role.name} added`)).toBeVisible();

  await page.goto(`${PAGE}?q=admin`);
  const adminRow = rowOf(page, "admin");
  await expect(adminRow).toContainText("On every scope, always");
  await expect(adminRow.getByRole("button")).toHaveCount(0);

  const adminRole = await e2eDb().role.findFirstOrThrow({ where: { kind: "admin", ...IN_SUPER_TENANT } });
  const adminScopes = await scopesOf(adminRole.id);
  await page.goto(`${PAGE}?q=${role.name}`);
  await chooseRowAction(rowOf(page, role.name), `Delete scopes ${role.name}`);
  const remove = await captureAction(page, () => page.getByRole("dialog").getByRole("button", { name: "Delete scopes" }).click());
  const forged = await replayAction(page, remove, withField(remove, "role", "admin"));
  expect(forged.text).toMatch(/admin/);
  expect(await scopesOf(adminRole.id)).toEqual(adminScopes);
  expect(await scopesOf(role.id)).toEqual(["apim:api_view"]);
});

adminTest("without API-M Admin the page, the wizard, the APIM API and the actions are all refused", async ({ page, browser }) => {
  const role = await seedRole();
  await startWizard(page, role.name);
  await page.getByLabel("Role alias").check();
  await page.getByLabel("Roles to map to").fill("Internal/creator");
  await page.keyboard.press("Enter");
  const create = await captureAction(page, () => page.getByRole("button", { name: "Save" }).click());

  const other = await openViewerPage(browser);
  await other.goto("/");
  await expect(other.getByTestId("current-user")).toBeVisible();
  await expect(other.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Role Permissions" })).toHaveCount(0);
  for (const path of [PAGE, `${PAGE}/new`, `${PAGE}/edit?role=Internal/creator`, `${PAGE}/view?role=Internal/creator`]) {
    expect((await other.goto(path))?.status(), path).toBe(403);
  }
  const api = await other.request.get("/api/am/admin/v4/system-scopes");
  expect(api.status()).toBe(403);
  expect(await api.json()).toMatchObject({ code: 403 });
  const forged = await replayAction(other, create);
  expect(forged.text).toMatch(/permission/i);
  expect(await aliasTargets(role.id)).toEqual([]);
});

adminTest("role names are shown as text, never run", async ({ page }) => {
  const role = await seedRole({ name: `q"<img_src=x_onerror=alert(1)>${unique("")}` });
  page.on("dialog", () => {
    throw new Error("a dialog opened: a name was executed as markup");
  });
  await startWizard(page, role.name);
  await page.getByLabel("Role alias").check();
  await page.getByLabel("Roles to map to").fill("Internal/subscriber");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Permission mapping for ${role.name} added`)).toBeVisible();
  await page.goto(`${PAGE}?q=${encodeURIComponent(role.name)}`);
  await expect(rowOf(page, role.name)).toBeVisible();
});
