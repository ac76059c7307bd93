import { expect, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb, IN_SUPER_TENANT, seedUser } from "./support/db.ts";
import { chooseRowAction, rowActions } from "./support/row-menu.ts";
import { unique } from "./support/seed.ts";
import { adminTest, openAdminPage } from "./support/signed-in.ts";

// Issue #16's Claim Management: custom claims added, edited and deleted from the console, never
// by someone without Configure > Security, and never losing users' values unseen.

const REFUSED = "You do not have permission to add, edit and delete claims.";
const claimUri = () => `http://wso2.org/claims/${unique("dept_")}`;

async function fillClaim(page: Page, uri: string, displayName: string, regEx = "") {
  await page.goto("/settings/claims/new");
  await expect(page.getByRole("heading", { level: 1, name: "Add Claim" })).toBeVisible();
  await page.getByLabel("Claim URI").fill(uri);
  await page.getByLabel("Display name").fill(displayName);
  await page.getByLabel("Regular expression").fill(regEx);
}

async function claimRow(page: Page, uri: string) {
  await page.goto(`/settings/claims?q=${encodeURIComponent(uri)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  return page.getByRole("row").filter({ hasText: uri });
}

adminTest("an admin adds, edits and deletes a custom claim; deleting names the values it removes", async ({ page }) => {
  await page.goto("/settings/claims");
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Claims" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "http://wso2.org/claims/emailaddress" })).toContainText("Built-in");
  await expectAccessible(page, "claims");

  // Every field's error at once: a URI outside the local dialect, no display name, a regex that does not compile.
  await fillClaim(page, "urn:example:dept", "", "([a-z");
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByText("Enter a URI in the local dialect, like http://wso2.org/claims/department.")).toBeVisible();
  await expect(page.getByText("Enter a display name.")).toBeVisible();
  await expect(
    page.getByText("Enter a regular expression in RE2 syntax (no lookaround or back-references), or leave it empty."),
  ).toBeVisible();

  const uri = claimUri();
  await fillClaim(page, uri, "Department", "^[A-Z]+$");
  await page.getByLabel("Attribute in PRIMARY").fill("departmentNumber");
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByText(`Claim ${uri} added.`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: uri });
  await expect(row).toContainText("Supported by default");

  await chooseRowAction(row, "Edit Department");
  await expect(page.getByLabel("Attribute in PRIMARY")).toHaveValue("departmentNumber");
  await page.getByLabel("Display name").fill("Business unit");
  // Out of the profile editor first: a required profile claim in the shared tenant would stop
  // every other spec's profile save running beside this one.
  await page.getByLabel("Supported by default (shown in the user profile)").uncheck();
  await page.getByLabel("Required").check();
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByText(`Claim ${uri} saved.`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: uri })).toContainText("Required");
  await expect(page.getByRole("row").filter({ hasText: uri })).not.toContainText("Supported by default");

  const claim = await e2eDb().claim.findFirstOrThrow({ where: { ...IN_SUPER_TENANT, uri } });
  const holder = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await e2eDb().userClaim.create({ data: { userId: holder.id, claim: uri, value: "OPS" } });
  await chooseRowAction(await claimRow(page, uri), "Delete Business unit");
  await expect(page.getByText("Users hold 1 value for this claim; they are deleted with it.")).toBeVisible();
  await expectAccessible(page, "delete claim");
  await page.getByRole("button", { name: "Delete claim and 1 value" }).click();
  await expect(page.getByText(`Claim ${uri} deleted.`)).toBeVisible();
  expect(await e2eDb().claim.count({ where: { id: claim.id } })).toBe(0);
  expect(await e2eDb().userClaim.count({ where: { claim: uri } })).toBe(0);
});

adminTest("a pattern saved before RE2 is flagged as not enforced until it is replaced", async ({ page }) => {
  const uri = claimUri();
  const tenant = await e2eDb().tenant.findFirstOrThrow({ where: { domain: IN_SUPER_TENANT.tenant.domain } });
  // Written as an older Gatehouse stored it: a lookahead, which the form now refuses.
  const claim = await e2eDb().claim.create({ data: { tenantId: tenant.id, uri, displayName: "Legacy pattern", regEx: "^(?!x).*$" } });
  await page.goto(`/settings/claims/${claim.id}`);
  const warning = page.getByRole("alert").filter({ hasText: "This regular expression is not enforced" });
  await expect(warning).toBeVisible();
  await expectAccessible(page, "unenforced claim pattern");
  await page.getByLabel("Regular expression").fill("^[^x].*$");
  await page.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByText(`Claim ${uri} saved.`)).toBeVisible();
  await page.goto(`/settings/claims/${claim.id}`);
  await expect(page.getByLabel("Regular expression")).toHaveValue("^[^x].*$");
  await expect(warning).toHaveCount(0);
});

adminTest("a value added after the delete page opened stops the delete", async ({ page }) => {
  const uri = claimUri();
  await fillClaim(page, uri, "Cost centre");
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByText(`Claim ${uri} added.`)).toBeVisible();
  const claim = await e2eDb().claim.findFirstOrThrow({ where: { ...IN_SUPER_TENANT, uri } });
  await page.goto(`/settings/claims/${claim.id}/delete`);
  const holder = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await e2eDb().userClaim.create({ data: { userId: holder.id, claim: uri, value: "42" } });
  await page.getByRole("button", { name: "Delete claim", exact: true }).click();
  await expect(page.getByText(`Users hold 1 value for ${uri}. Confirm deleting 1 value with the claim.`)).toBeVisible();
  expect(await e2eDb().claim.count({ where: { id: claim.id } })).toBe(1);
});

adminTest("two admins editing one claim: the second save is refused with a reload offer", async ({ browser }) => {
  const email = await e2eDb().claim.findFirstOrThrow({ where: { ...IN_SUPER_TENANT, uri: "http://wso2.org/claims/emailaddress" } });
  const [a, b] = await Promise.all([openAdminPage(browser), openAdminPage(browser)]);
  for (const p of [a, b]) await p.goto(`/settings/claims/${email.id}`);
  await a.getByLabel("Description").fill("Email address (first)");
  await a.getByRole("button", { name: "Save claim" }).click();
  await expect(a.getByText("Claim http://wso2.org/claims/emailaddress saved.")).toBeVisible();
  await b.getByLabel("Description").fill("Email address (second)");
  await b.getByRole("button", { name: "Save claim" }).click();
  await expect(
    b.getByText("Someone else changed the claim http://wso2.org/claims/emailaddress first. Reload and try again."),
  ).toBeVisible();
  await expect(b.getByRole("button", { name: "Reload" })).toBeVisible();
  expect((await e2eDb().claim.findUniqueOrThrow({ where: { id: email.id } })).description).toBe("Email address (first)");
  // Built-in claims have no Delete.
  expect(await rowActions(await claimRow(a, email.uri))).toEqual(["Edit"]);
  await Promise.all([a.context().close(), b.context().close()]);
});

adminTest("a user without Configure > Security is refused the page and a forged add", async ({ page, browser }) => {
  const uri = claimUri();
  await fillClaim(page, uri, "Forged");
  const add = await captureAction(page, () => page.getByRole("button", { name: "Add claim" }).click());

  const plain = await seedUser(e2eDb(), { grants: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/view"] });
  const other = await (await browser.newContext()).newPage();
  await signIn(other, plain.username, plain.password);
  expect((await other.goto("/settings/claims"))?.status()).toBe(403);
  await expect(other.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Claims" })).toHaveCount(0);
  const refused = await replayAction(other, add);
  expect(refused.text).toContain(REFUSED);
  expect(await e2eDb().claim.count({ where: { uri } })).toBe(0);
  await other.context().close();
});

adminTest("a custom claim reaches the profile editor (checked on save) and the users list's claim filter", async ({ page }) => {
  const uri = claimUri();
  const name = unique("Badge ");
  await fillClaim(page, uri, name, "^B-\\d+$");
  await page.getByLabel("Display order").fill("50");
  await page.getByRole("button", { name: "Add claim" }).click();
  await expect(page.getByText(`Claim ${uri} added.`)).toBeVisible();

  const target = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await page.goto(`/users/${target.id}/profile`);
  // After the six profile claims (display order 1–6), as its order says.
  await expect(page.locator("form label").last()).toHaveText(name);
  await page.getByLabel("Email").fill("not an email");
  await page.getByLabel(name).fill("nope");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText(`${name} must match ^B-\\d+$.`)).toBeVisible();
  await page.getByLabel("Email").fill("");
  await page.getByLabel(name).fill("B-42");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText(`Profile of ${target.username} saved.`)).toBeVisible();

  await page.goto(`/users?q=${target.username}`);
  await page.getByLabel("Profile claim").selectOption({ label: name });
  await page.getByLabel("Claim value").fill("B-4*");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row").filter({ hasText: target.username })).toBeVisible();
  await page.goto(`/users?q=${target.username}&claim=${encodeURIComponent(uri)}&value=B-9*`);
  await expect(page.getByText("No users match")).toBeVisible();

  // Cleaned up, so the other specs' profiles do not carry it.
  const claim = await e2eDb().claim.findFirstOrThrow({ where: { ...IN_SUPER_TENANT, uri } });
  await page.goto(`/settings/claims/${claim.id}/delete`);
  await page.getByRole("button", { name: "Delete claim and 1 value" }).click();
  await expect(page.getByText(`Claim ${uri} deleted.`)).toBeVisible();
});

adminTest(
  "an admin maps a SCIM attribute onto a custom claim and SCIM follows at once; others cannot save it",
  async ({ page, browser }) => {
    const uri = claimUri();
    const tenant = await e2eDb().tenant.findFirstOrThrow({ where: { domain: "carbon.super" } });
    await e2eDb().claim.create({ data: { tenantId: tenant.id, uri, displayName: unique("Alias ") } });
    const target = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
    const alias = unique("ace_");
    await e2eDb().userClaim.create({ data: { userId: target.id, claim: uri, value: alias } });
    const scimFind = async () =>
      (await (await page.request.get(`/scim2/Users?filter=${encodeURIComponent(`nickName eq "${alias}"`)}`)).json()) as {
        totalResults: number;
      };
    expect((await scimFind()).totalResults).toBe(0);

    await page.goto("/settings/claims");
    await page.getByRole("link", { name: "SCIM 2.0 mapping" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "SCIM 2.0 mapping" })).toBeVisible();
    const nickName = page.getByLabel("nickName", { exact: true });
    await expect(nickName).toHaveValue("http://wso2.org/claims/nickname");
    // One claim for two attributes is refused with the reason, and nothing is saved.
    await nickName.fill(uri);
    await page.getByLabel("title", { exact: true }).fill(uri);
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByText(`${uri} is mapped by nickName and title; map each claim once.`)).toBeVisible();
    expect((await scimFind()).totalResults).toBe(0);

    await page.getByLabel("title", { exact: true }).fill("http://wso2.org/claims/title");
    // Kept for the forged replay below; the aborted post leaves this page unusable, so it is loaded again.
    const save = await captureAction(page, () => page.getByRole("button", { name: "Save mapping" }).click());
    await page.reload();
    await nickName.fill(uri);
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByText("SCIM mapping saved (1 changed).")).toBeVisible();
    await expect(page.getByText("Changed; WSO2's default is http://wso2.org/claims/nickname")).toBeVisible();
    const found = await scimFind();
    expect(found).toMatchObject({ totalResults: 1, Resources: [{ id: String(target.id), nickName: alias }] });

    // Someone without Configure > Security: no page, and the save posted directly is refused.
    const plain = await seedUser(e2eDb(), { grants: ["/permission/admin/login", "/permission/admin/manage/identity/usermgt/view"] });
    const other = await (await browser.newContext()).newPage();
    await signIn(other, plain.username, plain.password);
    expect((await other.goto("/settings/claims/scim"))?.status()).toBe(403);
    const before = await e2eDb().scimClaimMapping.findMany({ where: { tenantId: tenant.id } });
    const refused = await replayAction(
      other,
      save,
      save.body.replace(encodeURIComponent(uri), encodeURIComponent("http://wso2.org/claims/country")),
    );
    expect(refused.text).toContain(REFUSED);
    expect(await e2eDb().scimClaimMapping.findMany({ where: { tenantId: tenant.id } })).toEqual(before);
    await other.context().close();

    // Back to WSO2's default, so the super tenant's SCIM reads as the other specs expect. The
    // first save's toast must be gone first, or the second's text would match two toasts.
    await expect(page.getByText("SCIM mapping saved (1 changed).")).toHaveCount(0);
    await nickName.fill("http://wso2.org/claims/nickname");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByText("SCIM mapping saved (1 changed).")).toBeVisible();
    await expect(page.getByText("Changed; WSO2's default is http://wso2.org/claims/nickname")).toHaveCount(0);
  },
);
