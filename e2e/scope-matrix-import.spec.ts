import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2eDb } from "./support/db.ts";
import { adminTest, openAdminPage, openViewerPage } from "./support/signed-in.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { seedRole, unique } from "./support/seed.ts";
import { expectAccessible } from "./support/axe.ts";
import { activate, pressUntilFocused } from "./support/keyboard.ts";
import { superTenantId } from "../testing/seed.ts";
import { readMappingVersion } from "../lib/roles/mapping-version.ts";
import { exportTenantConf } from "../lib/scopes/tenant-conf.ts";

const MATRIX = "/settings/role-permissions/matrix";
const TENANT_CONF = "/settings/role-permissions/tenant-conf";
const EXPORT = `${TENANT_CONF}/export`;
const STALE = "Someone else changed the scope mappings";
const SAVED = /Scope roles saved/;
const ATTEMPTS = 3;

// The mapping has one tenant-wide version, and other specs save mappings while these run, so a
// save of ours can be refused as stale through no fault of its own. This file's tests run one
// after another, every flow is redone from a fresh load when that happens (see the helpers),
// and only this file's own, uniquely named roles are asserted on.
test.describe.configure({ mode: "default" });

const box = (page: Page, role: string, scope: string) => page.getByRole("checkbox", { name: `${role} on ${scope}`, exact: true });
const saveButton = (page: Page) => page.getByRole("button", { name: "Save", exact: true });

async function scopeId(name: string) {
  const tenantId = await superTenantId(e2eDb());
  return (await e2eDb().apiScope.findFirstOrThrow({ where: { tenantId, name } })).id;
}

async function putOnScope(roleId: number, scope: string) {
  await e2eDb().scopeRole.create({ data: { scopeId: await scopeId(scope), roleId } });
}

async function scopesOf(roleId: number): Promise<string[]> {
  const rows = await e2eDb().scopeRole.findMany({ where: { roleId }, select: { scope: { select: { name: true } } } });
  return rows.map((r) => r.scope.name).sort();
}

/** How a button is pressed: a click, or (the keyboard walk) Tab to it and Enter. */
type Press = (page: Page, target: Locator) => Promise<void>;
const click: Press = (_, target) => target.click();

/** Loads the matrix, makes the edit and reviews it; a preview refused as stale is redone from a fresh load. */
async function reviewMatrix(page: Page, edit: () => Promise<void>, press = click): Promise<Locator> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(MATRIX);
    await edit();
    await expect(saveButton(page)).toBeDisabled();
    await press(page, page.getByRole("button", { name: "Review changes" }));
    const preview = page.getByTestId("preview");
    await expect(preview.or(page.getByText(STALE))).toBeVisible();
    if (attempt < ATTEMPTS && (await page.getByText(STALE).isVisible())) continue;
    await expect(preview).toBeVisible();
    return preview;
  }
}

/** reviewMatrix, then the checks of the preview, then Save; a save refused as stale is redone. */
async function saveMatrix(page: Page, edit: () => Promise<void>, checkPreview: (preview: Locator) => Promise<void>, press = click) {
  for (let attempt = 1; ; attempt++) {
    await checkPreview(await reviewMatrix(page, edit, press));
    await press(page, saveButton(page));
    await expect(page.getByText(SAVED).or(page.getByText(STALE))).toBeVisible();
    if (attempt < ATTEMPTS && (await page.getByText(STALE).isVisible())) continue;
    await expect(page.getByText(SAVED)).toBeVisible();
    return;
  }
}

test.describe("the scope matrix", () => {
  adminTest("an admin ticks a role on two scopes and unticks it on one, reviews what it gains and loses, and saves", async ({ page }) => {
    const role = await seedRole({ name: unique("matrix_") });
    const newcomer = await seedRole({ name: unique("matrixcol_") });
    await putOnScope(role.id, "apim:tenantInfo");
    await page.goto(MATRIX);
    await expect(page.getByRole("heading", { name: "Scope matrix" })).toBeVisible();

    // The admin role stays on every scope: its ticks cannot be cleared.
    for (const scope of ["apim:api_view", "apim:tenantInfo", "apim:admin_operations"]) {
      await expect(box(page, "admin", scope)).toBeChecked();
      await expect(box(page, "admin", scope)).toBeDisabled();
    }
    await expect(box(page, role.name, "apim:tenantInfo")).toBeChecked();

    const missing = unique("nosuchrole_");
    await page.getByLabel("Add role column").fill(missing);
    await page.getByRole("button", { name: "Add column" }).click();
    await expect(page.getByText(`There is no role named "${missing}".`)).toBeVisible();

    await saveMatrix(
      page,
      async () => {
        await page.getByLabel("Add role column").fill(newcomer.name);
        await page.getByRole("button", { name: "Add column" }).click();
        await box(page, newcomer.name, "apim:label_read").check();
        await box(page, role.name, "apim:label_manage").check();
        await box(page, role.name, "apim:label_read").check();
        await box(page, role.name, "apim:tenantInfo").uncheck();
      },
      async (preview) => {
        await expect(preview).toContainText(`+ ${role.name} gains apim:label_manage, apim:label_read`);
        await expect(preview).toContainText(`− ${role.name} loses apim:tenantInfo`);
        await expect(preview).toContainText(`+ ${newcomer.name} gains apim:label_read`);
      },
    );
    expect(await scopesOf(role.id)).toEqual(["apim:label_manage", "apim:label_read"]);
    expect(await scopesOf(newcomer.id)).toEqual(["apim:label_read"]);
    // The page reloaded its data: the new column is now one of the matrix's own.
    await expect(box(page, newcomer.name, "apim:label_read")).toBeChecked();
    await expect(box(page, role.name, "apim:tenantInfo")).not.toBeChecked();
  });

  adminTest("keyboard only: the matrix is one tab stop, arrow keys move, Space ticks", async ({ page }) => {
    const role = await seedRole({ name: unique("matrixkbd_") });
    await putOnScope(role.id, "apim:tenantInfo");
    const grid = page.getByRole("grid", { name: "Scopes and the roles on each" });
    const stop = grid.locator('input[tabindex="0"]');
    const focusedCell = () => page.evaluate(() => document.activeElement?.getAttribute("data-cell"));
    await saveMatrix(
      page,
      async () => {
        await expect(stop).toHaveCount(1);
        await expectAccessible(page, "the scope matrix grid", "[role=grid]");
        await pressUntilFocused(page, stop);
        expect(await focusedCell()).toBe("0:0");
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("ArrowDown");
        expect(await focusedCell()).toBe("1:1");
        await page.keyboard.press("Home");
        expect(await focusedCell()).toBe("1:0");
        await page.keyboard.press("PageDown");
        expect(await focusedCell()).toBe("11:0");
        // One tab stop: Tab leaves the grid at once.
        await page.keyboard.press("Tab");
        expect(await focusedCell()).toBeNull();
        await expect(stop).toHaveCount(1);

        await pressUntilFocused(page, page.getByLabel("Filter scopes"), "Shift+Tab");
        await page.keyboard.type("apim:label_read");
        await pressUntilFocused(page, stop);
        await page.keyboard.press("Home");
        await pressUntilFocused(page, box(page, role.name, "apim:label_read"), "ArrowRight", 200);
        await page.keyboard.press("Space");
        await expect(box(page, role.name, "apim:label_read")).toBeChecked();
      },
      async (preview) => {
        await expect(preview).toContainText(`+ ${role.name} gains apim:label_read`);
        // Review changes kept focus while it worked (a disabled button would have dropped it to the body).
        await expect(page.getByRole("button", { name: "Review changes" })).toBeFocused();
      },
      activate,
    );
    // The saved matrix is a fresh editor: focus lands on the page's heading, not on the body.
    await expect(page.getByRole("heading", { level: 1, name: "Scope matrix" })).toBeFocused();
    expect(await scopesOf(role.id)).toEqual(["apim:label_read", "apim:tenantInfo"]);
  });

  test("two admins editing the matrix: the second save is refused with a Reload offer", async ({ browser }) => {
    const role = await seedRole({ name: unique("matrix2_") });
    await putOnScope(role.id, "apim:bl_view");
    const [a, b] = await Promise.all([openAdminPage(browser), openAdminPage(browser)]);

    await reviewMatrix(a, () => box(a, role.name, "apim:label_read").check());
    await reviewMatrix(b, () => box(b, role.name, "apim:api_workflow").check());
    await saveButton(a).click();
    await expect(a.getByText(SAVED).or(a.getByText(STALE))).toBeVisible();
    // Another spec's save beat A's: A redoes its edit, and its save still lands after B loaded.
    if (await a.getByText(STALE).isVisible())
      await saveMatrix(
        a,
        () => box(a, role.name, "apim:label_read").check(),
        async () => undefined,
      );

    await saveButton(b).click();
    await expect(b.getByText(STALE)).toBeVisible();
    expect(await scopesOf(role.id)).toEqual(["apim:bl_view", "apim:label_read"]);
    await b.getByRole("button", { name: "Reload" }).click();
    await expect(box(b, role.name, "apim:label_read")).toBeChecked();
    await expect(box(b, role.name, "apim:api_workflow")).not.toBeChecked();
  });

  adminTest("a forged save that takes the admin role off a scope is refused", async ({ page }) => {
    const role = await seedRole({ name: unique("matrix3_") });
    await putOnScope(role.id, "apim:app_owner_change");
    await reviewMatrix(page, () => box(page, role.name, "apim:label_manage").check());
    const save = await captureAction(page, () => saveButton(page).click());

    const tenantId = await superTenantId(e2eDb());
    const noAdmin = { ...save, body: withField(save, "scopes", JSON.stringify([{ name: "apim:app_owner_change", roles: [role.name] }])) };
    const forged = await replayAction(page, save, withField(noAdmin, "version", String(await readMappingVersion(e2eDb(), tenantId))));
    expect(forged.text).toContain("The admin role (admin) stays on every scope; it cannot be removed from apim:app_owner_change.");
    const adminRole = await e2eDb().role.findFirstOrThrow({ where: { tenantId, kind: "admin" } });
    expect(await e2eDb().scopeRole.count({ where: { roleId: adminRole.id, scopeId: await scopeId("apim:app_owner_change") } })).toBe(1);
    expect(await scopesOf(role.id)).toEqual(["apim:app_owner_change"]);
  });
});

/** Current roles of a scope, as the export writes them. */
async function exportedRoles(scope: string): Promise<string[]> {
  const fragment = await exportTenantConf(e2eDb(), await superTenantId(e2eDb()));
  return fragment.RESTAPIScopes.Scope.find((s) => s.Name === scope)!.Roles.split(",");
}

const fileOf = (text: string) => ({ name: "tenant-conf.json", mimeType: "application/json", buffer: Buffer.from(text) });

test.describe("tenant-conf.json", () => {
  adminTest(
    "a quirky file: the preview shows every change and the unknown names, Cancel changes nothing, confirming applies and audits it",
    async ({ page, admin }) => {
      const role = await seedRole({ name: unique("import_") });
      const alias = await seedRole({ name: unique("importalias_") });
      const ghost = unique("Internal/ghost_");
      const nowhere = unique("apim:nowhere_");
      const [S1, S2] = ["apim:app_import_export", "apim:api_import_export"];

      for (let attempt = 1; ; attempt++) {
        await page.goto(TENANT_CONF);
        await expect(page.getByRole("heading", { name: "tenant-conf.json", level: 1 })).toBeVisible();
        // Built from the current roles, so the import only adds ours (and leaves out admin on S2,
        // which is kept): stray spaces, empty entries, trailing commas, names in another case.
        const s2WithoutAdmin = (await exportedRoles(S2)).filter((r) => r !== "admin");
        const text = `{
  "EnableMonetization": false,
  "RESTAPIScopes": {
    "Scope": [
      { "Name": "${S1}", "Roles": "${(await exportedRoles(S1)).join(" ,  ")},,  ${role.name} , ${ghost}," },
      { "Name": " ${S2}, ", "Roles": "${[...s2WithoutAdmin, role.name.toUpperCase()].join(", ")}," },
      { "Name": "${nowhere}", "Roles": "admin" }
    ]
  },
  "RoleMappings": { "${role.name}": "${role.name}, ${alias.name} ," }
}`;
        await page.getByLabel("tenant-conf.json file").setInputFiles(fileOf(text));
        await expect(page.getByLabel("Or paste the JSON")).toHaveValue(text);
        await page.getByRole("button", { name: "Preview import" }).click();

        const preview = page.getByTestId("import-preview");
        await expect(preview.getByTestId("import-scope-changes")).toContainText(`${S1}: adds ${role.name}`);
        await expect(preview.getByTestId("import-scope-changes")).toContainText(`${S2}: adds ${role.name}`);
        await expect(preview.getByTestId("import-alias-changes")).toHaveText(`${role.name}: aliases added ${alias.name}`);
        await expect(preview.getByTestId("import-unknown-roles")).toContainText(`${ghost} at RESTAPIScopes.Scope[0].Roles`);
        await expect(preview.getByTestId("import-unknown-scopes")).toHaveText(`${nowhere} at RESTAPIScopes.Scope[2].Name`);
        await expect(preview.getByTestId("import-admin-kept")).toContainText(S2);

        await page.getByRole("button", { name: "Apply import" }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
        await expect(page.getByRole("dialog")).toBeHidden();
        expect(await scopesOf(role.id)).toEqual([]);
        expect(await e2eDb().roleAlias.count({ where: { roleId: role.id } })).toBe(0);

        await page.getByRole("button", { name: "Apply import" }).click();
        await page.getByRole("dialog").getByRole("button", { name: "Import" }).click();
        const done = page.getByText("Imported tenant-conf.json: 2 scopes and 1 alias role changed; 2 unknown names skipped.");
        await expect(done.or(page.getByText(/Preview the file again|Someone else changed/))).toBeVisible();
        if (attempt < ATTEMPTS && !(await done.isVisible())) continue;
        await expect(done).toBeVisible();
        break;
      }
      expect(await scopesOf(role.id)).toEqual([S2, S1].sort());
      expect(await e2eDb().roleAlias.findMany({ where: { roleId: role.id }, select: { aliasRoleId: true } })).toEqual([
        { aliasRoleId: alias.id },
      ]);
      const event = await e2eDb().auditEvent.findFirstOrThrow({
        where: { action: "scopes.imported", actorName: admin.username },
        orderBy: { id: "desc" },
      });
      expect(event.after).toContain(ghost);
      await expect(page.getByLabel("Current tenant-conf.json")).toHaveValue(new RegExp(`"Name": "${S1}",\\s*"Roles": "[^"]*${role.name}`));
    },
  );

  adminTest("a malformed file is refused with the JSON path of the fault, and nothing changes", async ({ page }) => {
    await page.goto(TENANT_CONF);
    await page
      .getByLabel("tenant-conf.json file")
      .setInputFiles(
        fileOf(`{"RESTAPIScopes": {"Scope": [{"Name": "apim:api_view", "Roles": "admin"}, {"Name": "apim:api_create", "Roles": 5}]}}`),
      );
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByText("RESTAPIScopes.Scope[1].Roles: Invalid input: expected string, received number")).toBeVisible();
    await expect(page.getByTestId("import-preview")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Apply import" })).toBeDisabled();

    await page.getByLabel("Or paste the JSON").fill(`{"RESTAPIScopes": {"Scope": [],}}`);
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByText(/The file is not valid JSON/)).toBeVisible();
  });

  adminTest("the export downloads tenant-conf.json in WSO2's shape", async ({ page }) => {
    await page.goto(TENANT_CONF);
    await expect(page.getByLabel("Current tenant-conf.json")).toHaveValue(/"RESTAPIScopes"/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download tenant-conf.json" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("tenant-conf.json");
    const json = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as {
      RESTAPIScopes: { Scope: { Name: string; Roles: string }[] };
      RoleMappings: Record<string, string>;
    };
    // At least seed 001's 47: tenant-conf-offers.spec.ts adds a scope to the catalog.
    expect(json.RESTAPIScopes.Scope.length).toBeGreaterThanOrEqual(47);
    expect(json.RESTAPIScopes.Scope.find((s) => s.Name === "apim:api_view")?.Roles.split(",")).toContain("admin");
    expect(typeof json.RoleMappings).toBe("object");
  });
});

test("a user without API-M Admin gets 403 on both pages and the export, and a replayed action is refused", async ({ browser }) => {
  const role = await seedRole({ name: unique("import403_") });
  const alias = await seedRole({ name: unique("import403alias_") });
  const [adminPage, page] = await Promise.all([openAdminPage(browser), openViewerPage(browser)]);

  await page.goto("/");
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.getByRole("link", { name: "Role Permissions" })).toHaveCount(0);
  for (const path of [MATRIX, TENANT_CONF]) expect((await page.goto(path))?.status(), path).toBe(403);
  expect((await page.request.get(EXPORT)).status()).toBe(403);

  await adminPage.goto(TENANT_CONF);
  await adminPage.getByLabel("Or paste the JSON").fill(JSON.stringify({ RoleMappings: { [role.name]: `${role.name},${alias.name}` } }));
  await adminPage.getByRole("button", { name: "Preview import" }).click();
  await expect(adminPage.getByTestId("import-alias-changes")).toContainText(`${role.name}: aliases added ${alias.name}`);
  await adminPage.getByRole("button", { name: "Apply import" }).click();
  const apply = await captureAction(adminPage, () => adminPage.getByRole("dialog").getByRole("button", { name: "Import" }).click());

  const refused = await replayAction(page, apply);
  expect(refused.text).toContain("You do not have permission");
  expect(await e2eDb().roleAlias.count({ where: { roleId: role.id } })).toBe(0);
});
