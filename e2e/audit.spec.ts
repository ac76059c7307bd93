import fs from "node:fs";
import { expect } from "@playwright/test";
import { superTenantId } from "../testing/seed.ts";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb } from "./support/db.ts";
import { boundFilter } from "./support/filters.ts";
import { unique } from "./support/seed.ts";
import { adminTest, viewerTest } from "./support/signed-in.ts";

// India has no daylight saving time: +05:30 all year, so local days and times below are fixed.
adminTest.use({ timezoneId: "Asia/Kolkata", locale: "en-US" });

/** Events of one unique actor, on days far from today so no other spec's events share them. */
async function seedEvents(actor: string) {
  const tenantId = await superTenantId(e2eDb());
  const event = (at: string, action: string, targetName: string, before: unknown, after: unknown) => ({
    tenantId,
    at: new Date(at),
    actorName: actor,
    action,
    targetType: "user",
    targetName,
    before: before === null ? null : JSON.stringify(before),
    after: JSON.stringify(after),
    ip: "203.0.113.9",
  });
  const target = unique("aud_target_");
  await e2eDb().auditEvent.createMany({
    data: [
      // 19:00 UTC on 11 March is 00:30 on 12 March in Kolkata: inside the local-day filter below.
      event("2025-03-11T19:00:00.000Z", "user.roles_changed", target, { roles: ["Internal/a", "keep"] }, { roles: ["keep", "Internal/b"] }),
      event("2025-03-12T10:00:00.000Z", "user.roles_changed", `=cmd|' /C calc'!A0`, { roles: [] }, { roles: ["x"] }),
      event("2025-03-12T11:00:00.000Z", "user.created", target, null, { roles: [] }),
      // 18:40 UTC on 12 March is already 13 March in Kolkata: outside.
      event("2025-03-12T18:40:00.000Z", "user.roles_changed", target, { roles: [] }, { roles: ["late"] }),
      event("2025-03-10T09:00:00.000Z", "user.roles_changed", target, { roles: [] }, { roles: ["early"] }),
    ],
  });
  return target;
}

adminTest(
  "an admin filters the audit log by actor, action and local days, reads a diff in local time, and exports exactly those rows",
  async ({ page }) => {
    const actor = unique("aud_actor_");
    await seedEvents(actor);
    await page.goto("/audit");
    await (await boundFilter(page, "Actor")).fill(actor);
    await expect(page).toHaveURL(new RegExp(`actor=${actor}`));
    await page.getByLabel("Action", { exact: true }).selectOption("user.roles_changed");
    await expect(page).toHaveURL(/action=user\.roles_changed/);
    await page.getByLabel("From", { exact: true }).fill("2025-03-12");
    await page.getByLabel("To", { exact: true }).fill("2025-03-12");
    await expect(page).toHaveURL(/until=2025-03-12/);
    await expect(page).toHaveURL(/tz=-330/);

    const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
    await expect(rows).toHaveCount(3); // the header and two events
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–2 of 2");

    // Local time shown, UTC on hover: 19:00 UTC is 00:30 the next day in Kolkata.
    const older = rows.nth(2);
    const time = older.locator("time");
    await expect(time).toHaveAttribute("title", "2025-03-11 19:00:00 UTC");
    await expect(time).toContainText("Mar 12, 2025");
    await expect(time).toContainText(/12:30:00\sAM/);

    // The diff: which items the change added and removed, not a JSON dump.
    await older.getByText("Details").click();
    const diff = older.locator("details");
    await expect(diff.getByText("Added: Internal/b")).toBeVisible();
    await expect(diff.getByText("Removed: Internal/a")).toBeVisible();
    await expectAccessible(page, "the audit log, filtered, with a diff open");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^CSV/ }).click()]);
    const csv = fs
      .readFileSync((await download.path())!, "utf8")
      .trimEnd()
      .split("\r\n");
    expect(csv[0]).toBe("time,actor,action,outcome,targetType,target,ip,before,after");
    expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(['"2025-03-12T10:00:00.000Z"', '"2025-03-11T19:00:00.000Z"']);
    // The formula-looking target is written as text.
    expect(csv[1]).toContain(`"'=cmd|' /C calc'!A0"`);
  },
);

adminTest("an actor's name in a row filters the log by that actor; the other filters stay", async ({ page }) => {
  const actor = unique("aud_actor_");
  await seedEvents(actor);
  await page.goto("/audit?action=user.created");
  await page
    .getByRole("link", { name: new RegExp(`^${actor}`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`actor=${actor}`));
  expect(page.url()).toContain("action=user.created");
  await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–1 of 1");
});

viewerTest("a viewer without the audit permission cannot open the log or its export, even directly", async ({ page }) => {
  for (const path of ["/audit/export?format=csv", "/audit/export?format=json&action=auth."]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(await response.text()).not.toContain("auth.signed_in");
  }
  expect((await page.goto("/audit"))?.status()).toBe(403);
});
