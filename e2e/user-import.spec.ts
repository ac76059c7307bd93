import { expect, type Page } from "@playwright/test";
import { captureAction, replayAction } from "./support/actions.ts";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb, IN_SUPER_TENANT } from "./support/db.ts";
import { unique } from "./support/seed.ts";
import { adminTest, stateFile, viewerTest } from "./support/signed-in.ts";

// Issue #16's bulk import: WSO2's Bulk Import Users with a preview, a background job with a
// progress bar, cancel, resume and a per-row report; never for someone who may not add users.

const PASSWORD = "an import password 1";
const EMAIL = "http://wso2.org/claims/emailaddress";

async function submitFile(page: Page, name: string, text: string) {
  await page.goto("/users");
  await page.getByRole("link", { name: "Import users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  await page.getByLabel(/Skip them/).check();
  await page.getByLabel("File").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Preview import" }).click();
}

async function upload(page: Page, name: string, text: string) {
  await submitFile(page, name, text);
  await expect(page.getByRole("heading", { level: 1, name: `Import of ${name}` })).toBeVisible();
}

const summary = (page: Page, label: string) =>
  page
    .locator("dl div")
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator("dd");

adminTest("an admin previews a WSO2 bulk-import file, imports it, finds the users by claim and downloads the report", async ({ page }) => {
  const tag = unique("imp");
  const dept = `http://wso2.org/claims/${tag}_dept`;
  await e2eDb().claim.create({
    data: { tenant: { connect: { domain: "carbon.super" } }, uri: dept, displayName: `${tag} Department`, supportedByDefault: true },
  });
  const file = [
    "UserName,Password,Claims",
    `${tag}_ann,${PASSWORD},${EMAIL}=ann@example.com,${dept}=Sales`,
    `${tag}_bob,${PASSWORD},${dept}=Sales,http://wso2.org/claims/role=Internal/everyone`,
    `${tag}_eve,short`,
    `"<script>alert(1)</script>",${PASSWORD}`,
    `${tag}_cat,,${EMAIL}=not-an-email`,
  ].join("\n");
  await upload(page, `${tag}.csv`, file);
  await expect(summary(page, "Rows")).toHaveText("5");
  await expect(summary(page, "To create")).toHaveText("2");
  await expect(summary(page, "Invalid")).toHaveText("3");
  await page.getByRole("link", { name: "Invalid" }).click();
  await expect(page.getByRole("row").filter({ hasText: `${tag}_eve` })).toContainText("Use at least 12 characters.");
  await expect(page.getByRole("row").filter({ hasText: `${tag}_cat` })).toContainText("Enter an email address like name@example.com.");
  // Shown as text: the name is in the table, and no script ran.
  await expect(page.getByRole("cell", { name: "<script>alert(1)</script>", exact: true })).toBeVisible();
  await expectAccessible(page, "import preview");
  expect(await e2eDb().user.count({ where: { usernameKey: { startsWith: tag } } })).toBe(0);

  await page.getByRole("button", { name: "Import 2 users" }).click();
  await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Finished" })).toContainText(
    "2 created, 0 updated, 0 skipped, 0 failed, 3 invalid.",
  );
  const report = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the per-row report (CSV)" }).click();
  const text = await (await (await report).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text).toContain(`"2","${tag}_ann","create","created"`);
  expect(text).toContain(`"4","${tag}_eve","invalid","invalid","Password","Use at least 12 characters."`);

  await page.goto(`/users?claim=${encodeURIComponent(dept)}&value=Sales`);
  await expect(page.getByRole("row").filter({ hasText: `${tag}_ann` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `${tag}_bob` })).toBeVisible();
});

adminTest("the progress bar survives a reload, and an import whose runner died resumes when watched", async ({ page }) => {
  const tag = unique("res");
  await upload(page, `${tag}.csv`, ["UserName,Password", `${tag}_one,${PASSWORD}`, `${tag}_two,${PASSWORD}`].join("\n"));
  const job = await e2eDb().importJob.findFirstOrThrow({ where: { fileName: `${tag}.csv` } });
  // As if another instance had started it and was still alive.
  await e2eDb().importJob.update({
    where: { id: job.id },
    data: { state: "queued", owner: "elsewhere:1:x", heartbeatAt: new Date(), version: { increment: 1 } },
  });
  await page.reload();
  await expect(page.getByText("Waiting to start…")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Waiting to start…" })).toBeVisible();
  await page.reload();
  await expect(page.getByText("0 of 2 rows (0%)")).toBeVisible();
  // That instance died: its heartbeat is old, and the page's polling takes the job over.
  await e2eDb().importJob.update({ where: { id: job.id }, data: { heartbeatAt: new Date(Date.now() - 120_000) } });
  await expect(page.getByText("2 created, 0 updated, 0 skipped, 0 failed, 0 invalid.")).toBeVisible({ timeout: 15_000 });
  expect(await e2eDb().user.count({ where: { ...IN_SUPER_TENANT, usernameKey: { startsWith: tag } } })).toBe(2);
});

adminTest("discarding a preview asks first and writes nothing", async ({ page }) => {
  const tag = unique("dis");
  await upload(page, `${tag}.csv`, ["UserName,Password", `${tag}_one,${PASSWORD}`].join("\n"));
  await page.getByRole("button", { name: "Discard" }).click();
  const dialog = page.getByRole("dialog", { name: "Discard this preview?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Discard" }).click();
  await dialog.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  await expect(page.getByText("Import discarded.")).toBeVisible();
  expect(await e2eDb().importJob.count({ where: { fileName: `${tag}.csv` } })).toBe(0);
  expect(await e2eDb().user.count({ where: { usernameKey: { startsWith: tag } } })).toBe(0);
});

adminTest("a file that is not an import file is refused whole, with the reason", async ({ page }) => {
  await submitFile(page, "wrong.csv", "Name,Email\nx,y");
  await expect(page.getByRole("alert").filter({ hasText: "first column" })).toHaveText(
    'The first column must be UserName; the file\'s first line starts with "Name".',
  );
  await expect(page.getByRole("heading", { level: 1, name: "Import users" })).toBeVisible();
  expect(await e2eDb().importJob.count({ where: { fileName: "wrong.csv" } })).toBe(0);
});

viewerTest("someone who may not add users gets no import page, and forged uploads and starts are refused", async ({ page, browser }) => {
  expect((await page.goto("/users/import"))?.status()).toBe(403);
  await page.goto("/users");
  await expect(page.getByRole("link", { name: "Import users" })).toHaveCount(0);
  const tag = unique("forge");
  const forged = await page.request.post(`/api/v1/users/import?domain=PRIMARY&fileName=${tag}.csv`, {
    data: `UserName,Password\n${tag}_x,${PASSWORD}`,
    headers: { "Content-Type": "text/csv", Origin: new URL(page.url()).origin },
  });
  expect(forged.status()).toBe(403);
  expect(await e2eDb().importJob.count({ where: { fileName: `${tag}.csv` } })).toBe(0);

  // The admin's Start, stopped in the admin's browser and posted by the viewer.
  const admin = await (await browser.newContext({ storageState: stateFile("admin") })).newPage();
  await upload(admin, `${tag}-admin.csv`, ["UserName,Password", `${tag}_ok,${PASSWORD}`].join("\n"));
  const start = await captureAction(admin, () => admin.getByRole("button", { name: "Import 1 user" }).click());
  const refused = await replayAction(page, start);
  expect(refused.text).toContain("You do not have permission");
  expect((await e2eDb().importJob.findFirstOrThrow({ where: { fileName: `${tag}-admin.csv` } })).state).toBe("preview");
  expect(await e2eDb().user.count({ where: { usernameKey: `${tag}_ok` } })).toBe(0);
  await admin.context().close();
});
