import { expect, test } from "@playwright/test";
import { superTenantId } from "../testing/seed.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { signIn } from "./support/auth.ts";
import { chooseRowAction } from "./support/row-menu.ts";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

// In the scope-mappings project: it adds APIM 4.x's apim:scope_manage to the default (3.x)
// catalog, mapped to the admin role as APIM maps it, which the other mapping specs tolerate.
test("an OAuth2 token terminated on the Sessions page is refused by the APIM admin API at once", async ({ page, request }) => {
  const db = e2eDb();
  const tenantId = await superTenantId(db);
  const adminRole = await db.role.findFirstOrThrow({ where: { tenantId, kind: "admin" } });
  await db.apiScope.upsert({
    where: { tenantId_name: { tenantId, name: "apim:scope_manage" } },
    create: { tenantId, name: "apim:scope_manage", description: "Manage scope", tag: "admin", roles: { create: { roleId: adminRole.id } } },
    update: {},
  });
  const admin = await seedUser(db, { admin: true });
  const clientName = `e2e_${admin.username}`;

  // WSO2's script flow, as curl sends it: no cookie, no Origin.
  expect((await request.post("/client-registration/v0.17/register", { data: { clientName } })).status()).toBe(401);
  const registered = await request.post("/client-registration/v0.17/register", {
    headers: { authorization: basic(admin.username, admin.password) },
    data: { callbackUrl: "www.google.lk", clientName, owner: admin.username, grantType: "password refresh_token", saasApp: true },
  });
  expect(registered.status()).toBe(200);
  const app = (await registered.json()) as { clientId: string; clientSecret: string };
  const clientAuth = { authorization: basic(app.clientId, app.clientSecret) };
  const issued = await request.post("/oauth2/token", {
    headers: clientAuth,
    form: { grant_type: "password", username: admin.username, password: admin.password, scope: "apim:scope_manage" },
  });
  expect(issued.status()).toBe(200);
  const token = (await issued.json()) as { access_token: string; scope: string };
  expect(token.scope).toBe("apim:scope_manage");
  const callApi = () => request.get("/api/am/admin/v4/system-scopes", { headers: { authorization: `Bearer ${token.access_token}` } });
  expect((await callApi()).status()).toBe(200);

  await signIn(page, admin.username, admin.password);
  await page.goto(`/sessions?user=${admin.username}`);
  const row = page.getByRole("row").filter({ hasText: `OAuth2 client ${clientName}` });
  await expect(row).toContainText("apim:scope_manage");
  await chooseRowAction(row, `Terminate ${admin.username}'s session`);
  await page
    .getByRole("dialog", { name: `Terminate ${admin.username}'s session?` })
    .getByRole("button", { name: "Terminate session" })
    .click();
  await expect(page.getByText(`Session of ${admin.username} terminated.`)).toBeVisible();

  expect((await callApi()).status()).toBe(401);
  const introspected = await request.post("/oauth2/introspect", { headers: clientAuth, form: { token: token.access_token } });
  expect(await introspected.json()).toEqual({ active: false });
  // The admin's own console session was not the one terminated.
  await page.reload();
  await expect(page.getByTestId("current-user")).toHaveText(admin.username);
});
