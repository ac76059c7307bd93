import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { deactivateTenant, e2eDb, seedTenant, seedUser } from "./support/db.ts";
import { fillSignIn, SIGN_IN_FAILED } from "./support/auth.ts";

const PASSWORD = "the tenant admin's own password";

test("a tenant's admin signs in as name@tenant, sees only the tenant's users, and is signed out when it is deactivated", async ({
  page,
}) => {
  const domain = `acme-${crypto.randomBytes(4).toString("hex")}.test`;
  const id = await seedTenant(e2eDb(), { domain, adminUsername: "boss", password: PASSWORD });
  // A super-tenant user whose name the tenant's admin must never see.
  const outsider = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });

  await fillSignIn(page, `boss@${domain}`, PASSWORD);
  // The header shows the tenant-aware name and, beside it, the tenant.
  await expect(page.getByTestId("current-user")).toHaveText("boss");
  await expect(page.getByTestId("current-tenant")).toHaveText(domain);
  // The home page names the tenant and counts its users only (the super tenant has many by now).
  await expect(page.getByText(`Tenant ${domain}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId("count-Users")).toHaveText("1");
  await expect(page.getByRole("main")).not.toContainText("carbon.super");
  await page.goto("/users");
  // Only the tenant's own admin: none of the super tenant's users (there are many by now).
  const table = page.getByRole("table", { name: "Users" });
  await expect(table.getByRole("checkbox", { name: "Select boss" })).toBeVisible();
  await expect(table.getByRole("checkbox", { name: /^Select / })).toHaveCount(1);
  await expect(page.getByRole("main")).not.toContainText(outsider.username);

  await deactivateTenant(e2eDb(), id);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login/);
  await fillSignIn(page, `boss@${domain}`, PASSWORD);
  await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
});
