import fs from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

/** The rules #14 holds every page to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { rule: string; impact?: string | null; help: string; targets: string[] };

/**
 * axe-core's own `axe.run`, injected once per document. @axe-core/playwright's AxeBuilder injects
 * the 560 kB script again on every scan and opens a blank page to merge the frames' results (our
 * pages have no frames): 2.5–4 s a scan on the CI machine against 0.2–0.7 s this way, which made
 * the accessibility suite the largest part of CI.
 */
async function axeViolations(page: Page, include: string | undefined): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: "tag", values: WCAG_TAGS }, resultTypes: ["violations"] };
  return page.evaluate(
    async ({ include, options }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> } }).axe;
      const { violations } = await axe.run(include ? { include: [include] } : document, options);
      return violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
    },
    { include, options },
  );
}

/**
 * Fails with each violation's rule, impact and offending elements when the page, in its current
 * state (an open dialog, menu or wizard step included), breaks a WCAG 2.2 A/AA rule axe checks.
 * `include` narrows the scan to one part of the page, e.g. an open dialog.
 */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  // Colours are checked once they settle: a button leaving its busy state fades its text for
  // 150 ms (transition-colors), and axe once sampled the pale middle of that fade in CI.
  // Transitions only: they always end, where an animation (a spinner) may run for ever.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  expect(await axeViolations(page, include), `axe violations on ${label}`).toEqual([]);
}

export type Theme = "light" | "dark";

/** Sets the emulated OS preference and waits until the theme follows it on <html>. */
export async function useTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /\blight\b/);
}

/**
 * Scans the page as it stands in each theme, light first, then leaves it light. No reload:
 * next-themes follows the emulated preference until the theme switch is used.
 */
export async function expectAccessibleInBothThemes(page: Page, label: string) {
  for (const theme of ["light", "dark"] as const) {
    await useTheme(page, theme);
    await expectAccessible(page, `${label} (${theme})`);
  }
  await useTheme(page, "light");
}
