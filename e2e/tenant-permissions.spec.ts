import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eDb, seedTenant } from "./support/db.ts";
import { signIn } from "./support/auth.ts";
import { captureAction, replayAction, withField } from "./support/actions.ts";
import { adminTest } from "./support/signed-in.ts";
import { expectAccessible } from "./support/axe.ts";

const PASSWORD = "the tenant admin's own password";
const LOGIN = "/permission/admin/login";
const TENANTS = "/permission/protected/manage/modify/tenants";
const REFUSED = "exist only in the super tenant";
const treeItem = (page: Page, name: string) => page.getByRole("treeitem", { name, exact: true });
const stepHeading = (page: Page, n: number) => page.getByRole("heading", { name: new RegExp(`^Step ${n} of 4`) });

async function wizardAtTree(page: Page, name: string) {
  await page.goto("/roles/new");
  await expect(page.getByRole("heading", { name: "Add New Role" })).toBeVisible();
  await page.getByLabel("Role Name").fill(name);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(stepHeading(page, 2)).toBeFocused();
}

test("a tenant's admin is offered no Super Admin Permissions, and a forged grant of one is refused", async ({ page }) => {
  const domain = `perm-${crypto.randomBytes(4).toString("hex")}.test`;
  const tenantId = await seedTenant(e2eDb(), { domain, adminUsername: "boss", password: PASSWORD });
  await signIn(page, `boss@${domain}`, PASSWORD);

  // The wizard's tree: Admin Permissions, no Super Admin Permissions, not even by filtering.
  await wizardAtTree(page, "auditors");
  await expect(treeItem(page, "Admin Permissions")).toBeVisible();
  await expect(treeItem(page, "Super Admin Permissions")).toHaveCount(0);
  await page.getByLabel("Filter permissions").fill("tenants");
  await expect(page.getByText("No permission matches “tenants”.")).toBeVisible();
  await page.getByLabel("Filter permissions").fill("login");
  await treeItem(page, "Login").click();
  await page.keyboard.press("Space");
  await expect(treeItem(page, "Login")).toHaveAttribute("aria-checked", "true");
  for (const step of [3, 4]) {
    await page.getByRole("button", { name: "Next" }).click();
    await expect(stepHeading(page, step)).toBeFocused();
  }
  const create = await captureAction(page, () => page.getByRole("button", { name: "Finish" }).click());
  const forgedCreate = await replayAction(page, create, withField(create, "permissions", TENANTS));
  expect(forgedCreate.text).toContain(REFUSED);
  expect(await e2eDb().role.count({ where: { tenantId, name: "auditors" } })).toBe(0);
  // The same post, undoctored, is accepted: only the protected grant was refused.
  await replayAction(page, create);
  const role = await e2eDb().role.findFirstOrThrow({ where: { tenantId, name: "auditors" }, include: { grants: true } });
  expect(role.grants.map((g) => g.permission)).toEqual([LOGIN]);

  // The permission editor: the same tree, and a forged save refused with the role unchanged.
  await page.goto(`/roles/${role.id}/permissions`);
  await expect(page.getByRole("heading", { name: "auditors" })).toBeVisible();
  await expect(treeItem(page, "Admin Permissions")).toBeVisible();
  await expect(treeItem(page, "Super Admin Permissions")).toHaveCount(0);
  await expectAccessible(page, "a tenant's permission editor");
  await page.getByLabel("Filter permissions").fill("logs");
  await treeItem(page, "Logs").click();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("preview")).toBeVisible();
  const save = await captureAction(page, () => page.getByRole("button", { name: "Save" }).click());
  for (const forged of [TENANTS, "/permission/protected"]) {
    const answer = await replayAction(page, save, withField(save, "permissions", forged));
    expect(answer.text).toContain(REFUSED);
  }
  const after = await e2eDb().role.findUniqueOrThrow({ where: { id: role.id }, include: { grants: true } });
  expect([after.version, after.grants.map((g) => g.permission)]).toEqual([role.version, [LOGIN]]);
});

adminTest("the super tenant's admin is offered Super Admin Permissions", async ({ page }) => {
  await wizardAtTree(page, `super_${crypto.randomBytes(3).toString("hex")}`);
  await expect(treeItem(page, "Super Admin Permissions")).toBeVisible();
});
