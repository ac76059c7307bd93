import fs from "node:fs";
import { expect } from "@playwright/test";
import { superTenantId } from "../testing/seed.ts";
import { previewImport } from "../lib/scopes/preview-import.ts";
import { expectAccessible } from "./support/axe.ts";
import { e2eDb } from "./support/db.ts";
import { adminTest } from "./support/signed-in.ts";

const TENANT_CONF = "/settings/role-permissions/tenant-conf";
const FILES = ["testing/fixtures/wso2-apim-tenant-conf.json", "testing/fixtures/wso2-apim-4.2.0-tenant-conf.json"];

// Preview only: nothing is applied, so the other mapping specs' saves cannot disturb it beyond
// the counts, which are read from the same preview the server computes, just before.
for (const file of FILES) {
  adminTest(`WSO2's ${file.split("/").pop()} previews grouped by kind, with counts, long groups collapsed`, async ({ page }) => {
    const text = fs.readFileSync(file, "utf8");
    const expected = await previewImport(e2eDb(), await superTenantId(e2eDb()), text);
    const groups = [
      ["import-scope-changes", "Scopes changed", expected.scopes.length],
      ["import-alias-changes", "Aliases changed", expected.aliases.length],
      ["import-unknown", "Unknown, skipped", expected.unknownRoles.length + expected.unknownScopes.length],
      ["import-admin", "Admin kept", expected.adminKept.length],
    ] as const;
    expect(
      groups.some(([, , n]) => n > 10),
      "the file makes at least one long group",
    ).toBe(true);

    await page.goto(TENANT_CONF);
    await page.getByLabel("Or paste the JSON").fill(text);
    await page.getByRole("button", { name: "Preview import" }).click();
    const preview = page.getByTestId("import-preview");
    await expect(preview).toBeVisible();

    for (const [id, title, count] of groups) {
      const section = preview.getByTestId(`${id}-section`);
      if (count === 0) {
        await expect(section).toHaveCount(0);
        continue;
      }
      const summary = section.locator("summary");
      await expect(summary).toHaveText(`${title} ${count}`);
      if (count > 10) {
        // Closed: the count shows, the list does not, until the summary is activated by keyboard.
        await expect(section).not.toHaveAttribute("open");
        await expect(section.getByRole("listitem").first()).toBeHidden();
        await summary.focus();
        await page.keyboard.press("Enter");
        await expect(section).toHaveAttribute("open");
      } else await expect(section).toHaveAttribute("open");
      if (id !== "import-admin") await expect(section.getByRole("listitem")).toHaveCount(count);
    }
    await expectAccessible(page, "the tenant-conf.json import preview, every group open", "[data-testid=import-preview]");
  });
}
