import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Download } from "@playwright/test";
import { usernameColumns } from "../lib/stores/look-alike.ts";
import { superTenantId } from "../testing/seed.ts";
import { signIn } from "./support/auth.ts";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb, seedUser } from "./support/db.ts";
import { boundFilter } from "./support/filters.ts";
import { seedRole, unique } from "./support/seed.ts";
import { adminTest } from "./support/signed-in.ts";

const ORG = "http://wso2.org/claims/organization";

/** Users whose names share a unique prefix (one with a role and a claim), and hostile ones with the same prefix. */
async function seedExportUsers() {
  const db = e2eDb();
  const tenantId = await superTenantId(db);
  const primary = await db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
  const prefix = unique("xp");
  const plain = [`${prefix}_a`, `${prefix}_b`, `${prefix}_c`];
  const hostile = [`=${prefix}cmd|' /C calc'!A0`, `${prefix} "quoted"`, `${prefix}\nline`, `<script>${prefix}</script>`];
  const ids: number[] = [];
  for (const username of [...plain, ...hostile]) {
    const user = await db.user.create({
      data: { tenantId, storeId: primary.id, ...usernameColumns(username), passwordHash: "secret-hash" },
    });
    ids.push(user.id);
  }
  await db.userClaim.create({ data: { userId: ids[0]!, claim: ORG, value: "=Acme" } });
  const role = await seedRole({ memberIds: [ids[0]!] });
  return { prefix, plain, hostile, role: role.name };
}

async function downloaded(download: Download): Promise<string> {
  return fs.readFileSync((await download.path())!, "utf8");
}

adminTest(
  "an admin exports the filtered users list as CSV and JSON lines: exactly those users, with roles and claims",
  async ({ page }) => {
    const { prefix, plain, role } = await seedExportUsers();
    await page.goto("/users");
    await (await boundFilter(page, "Search users")).fill(`${prefix}_*`);
    await expect(page).toHaveURL(new RegExp(`q=${prefix}_`));
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(plain.length + 1);

    const csvLink = page.getByRole("link", { name: /^CSV/ });
    await expect(csvLink).toHaveAttribute("href", new RegExp(`^/users/export\\?q=${prefix}_.*format=csv`));
    // Keyboard: the link takes focus and Enter downloads.
    await csvLink.focus();
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(csvDownload.suggestedFilename()).toMatch(/^users-carbon\.super-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await downloaded(csvDownload);
    expect(csv.split("\r\n")[0]).toMatch(/^"UserName","Password","Roles",/);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.UserName)).toEqual(plain);
    expect(rows[0]).toMatchObject({ Password: "", Roles: `Internal/everyone:${role}`, [ORG]: "'=Acme" });
    expect(csv).not.toContain("secret-hash");

    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^JSON lines/ }).click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/\.jsonl$/);
    const lines = (await downloaded(jsonDownload))
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { userName: string; roles: string[]; claims: Record<string, string> });
    expect(lines.map((l) => l.userName)).toEqual(plain);
    expect(lines[0]).toEqual({ userName: plain[0], roles: ["Internal/everyone", role], claims: { [ORG]: "=Acme" } });
    await expectAccessible(page, "the users list with its export links");
  },
);

adminTest("hostile names come out of the export inert", async ({ page }) => {
  const { prefix, hostile } = await seedExportUsers();
  const response = await page.request.get(`/users/export?format=csv&q=${encodeURIComponent(prefix)}`);
  expect(response.status()).toBe(200);
  const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
  const names = rows.map((r) => r.UserName);
  expect(names).toContain(`'${hostile[0]}`);
  for (const name of hostile.slice(1)) expect(names).toContain(name);
  const json = await page.request.get(`/users/export?format=json&q=${encodeURIComponent(prefix)}`);
  expect(json.headers()["content-type"]).toBe("application/x-ndjson; charset=utf-8");
  expect(json.headers()["content-disposition"]).toMatch(/^attachment; /);
  const names2 = (await json.text())
    .trimEnd()
    .split("\n")
    .map((l) => (JSON.parse(l) as { userName: string }).userName);
  expect(names2).toEqual(expect.arrayContaining(hostile));
});

adminTest("the export links fit and work at 390 px", async ({ page }) => {
  const { prefix } = await seedExportUsers();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/users?q=${prefix}_`);
  const link = page.getByRole("link", { name: /^JSON lines/ });
  await expect(link).toBeInViewport();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect((await downloaded(download)).trimEnd().split("\n")).toHaveLength(3);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("a user without the users permission gets 403 from the export, even requested directly", async ({ page }) => {
  const user = await seedUser(e2eDb(), { grants: ["/permission/admin/login"] });
  await signIn(page, user.username, user.password);
  for (const path of ["/users/export?format=csv", "/users/export?format=json&q=admin"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.text()).not.toContain("Internal/everyone");
  }
  expect((await page.goto("/users"))?.status()).toBe(403);
});
