import { expect, type Page } from "@playwright/test";

export const PHONE = { width: 390, height: 844 };

/**
 * The page never scrolls sideways: a wide table scrolls inside its own box instead. Soft, so every
 * wizard step is checked; the message names the outermost elements that stick out.
 */
export async function expectNoSideScroll(page: Page, label: string) {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > width + 0.5);
    const outermost = wide.filter((el) => !wide.includes(el.parentElement as Element));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: width,
      culprits: outermost.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`),
    };
  });
  expect
    .soft(scrollWidth, `${label} is ${scrollWidth} px wide in a ${clientWidth} px window: ${culprits.join(", ")}`)
    .toBeLessThanOrEqual(clientWidth);
}
