import fs from "node:fs";
import { expect } from "@playwright/test";
import { e2eDb } from "./support/db.ts";
import { adminTest } from "./support/signed-in.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { seedRole, unique } from "./support/seed.ts";

const TENANT_CONF = "/settings/role-permissions/tenant-conf";
const ATTEMPTS = 3;

// Other specs save mappings while this runs; a save refused as stale is redone from a fresh preview.
adminTest(
  "an import offers to add its unknown scope and create its missing alias role; a doctored apply is refused; the export keeps the file's other keys",
  async ({ page }) => {
    const role = await seedRole({ name: unique("offers_") });
    const newScope = unique("apim:offers_");
    const newAlias = unique("Internal/offers_alias_");
    const extraKey = unique("GatehouseE2E_");
    const text = JSON.stringify({
      [extraKey]: { kept: true },
      RESTAPIScopes: { Scope: [{ Name: newScope, Roles: `admin,${role.name}` }] },
      RoleMappings: { [role.name]: `${role.name},${newAlias}` },
    });

    for (let attempt = 1; ; attempt++) {
      await page.goto(TENANT_CONF);
      await page.getByLabel("Or paste the JSON").fill(text);
      await page.getByRole("button", { name: "Preview import" }).click();
      const preview = page.getByTestId("import-preview");
      await expect(preview.getByTestId("import-unknown-scopes")).toHaveText(`${newScope} at RESTAPIScopes.Scope[0].Name`);
      await expect(preview.getByTestId("import-unknown-roles")).toContainText(newAlias);

      await page.getByLabel("Add the 1 unknown scope to the catalog").check();
      await expect(preview.getByTestId("import-new-scopes")).toContainText(newScope);
      await expect(preview.getByTestId("import-unknown-scopes")).toHaveCount(0);
      await page.getByLabel("Create the 1 alias role that does not exist yet").check();
      await expect(preview.getByTestId("import-new-roles")).toHaveText(`${newAlias} at RoleMappings.${role.name}`);
      await expect(preview.getByTestId("import-document-keys")).toContainText(extraKey);

      // Posted directly with one offer switched off, the previewed plan no longer matches.
      await page.getByRole("button", { name: "Apply import" }).click();
      const action = await captureAction(page, () => page.getByRole("dialog").getByRole("button", { name: "Import" }).click());
      const forged = await replayAction(page, action, withField(action, "addUnknownScopes", "false"));
      expect(forged.text).toMatch(/Preview the file again|Someone else changed/);
      expect(await e2eDb().apiScope.count({ where: { name: newScope } })).toBe(0);

      await page.goto(TENANT_CONF);
      await page.getByLabel("Or paste the JSON").fill(text);
      await page.getByRole("button", { name: "Preview import" }).click();
      await page.getByLabel("Add the 1 unknown scope to the catalog").check();
      await page.getByLabel("Create the 1 alias role that does not exist yet").check();
      await expect(page.getByTestId("import-new-roles")).toBeVisible();
      await page.getByRole("button", { name: "Apply import" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Import" }).click();
      const done = page.getByText(
        /^Imported tenant-conf\.json: 1 scope and 1 alias role changed; 1 scope added to the catalog; 1 role created\.$/,
      );
      await expect(done.or(page.getByText(/Preview the file again|Someone else changed/))).toBeVisible();
      if (attempt < ATTEMPTS && !(await done.isVisible())) continue;
      await expect(done).toBeVisible();
      break;
    }

    const scope = await e2eDb().apiScope.findFirstOrThrow({ where: { name: newScope }, include: { roles: true } });
    expect(scope.roles.map((r) => r.roleId)).toContain(role.id);
    const alias = await e2eDb().role.findFirstOrThrow({
      where: { name: newAlias.replace("Internal/", "") },
      include: { grants: true, memberships: true },
    });
    expect({ grants: alias.grants, members: alias.memberships }).toEqual({ grants: [], members: [] });
    expect(await e2eDb().roleAlias.count({ where: { roleId: role.id, aliasRoleId: alias.id } })).toBe(1);

    await page.goto(TENANT_CONF);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download tenant-conf.json" }).click(),
    ]);
    const exported = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as Record<string, unknown>;
    expect(exported[extraKey]).toEqual({ kept: true });
    expect(exported.DefaultRoles).toBeDefined();
  },
);
