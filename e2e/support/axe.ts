import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The rules #14 holds every page to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

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
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
