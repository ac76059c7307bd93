import { expect, type Page } from "@playwright/test";

export type CapturedAction = { path: string; actionId: string; contentType: string; body: string };

/**
 * Runs `trigger` and stops the server-action POST it sends at the browser, keeping it so a
 * spec can replay it as someone else, or with a doctored body: how a forbidden action is
 * "posted directly".
 */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let captured: CapturedAction | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = {
      path: new URL(request.url()).pathname,
      actionId: headers["next-action"],
      contentType: headers["content-type"]!,
      body: request.postData()!,
    };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => captured).toBeDefined();
  // Waits for handlers still running on other requests, which would otherwise race the removal.
  await page.unrouteAll({ behavior: "wait" });
  return captured!;
}

/** Posts a captured action from `page`'s browser context (its cookies, same origin). */
export function replayAction(page: Page, action: CapturedAction, body = action.body) {
  return page.evaluate(
    async ({ path, actionId, contentType, body }) => {
      const response = await fetch(path, {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": contentType, Accept: "text/x-component" },
        body,
      });
      return { status: response.status, text: await response.text() };
    },
    { ...action, body },
  );
}

/** The captured body with every value of form field `name` replaced: a doctored request. */
export function withField(action: CapturedAction, name: string, value: string): string {
  const pattern = new RegExp(`(name="_\\d+_${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\r\\n\\r\\n)[^\\r]*`, "g");
  if (!pattern.test(action.body)) throw new Error(`the captured action has no field "${name}"`);
  return action.body.replace(pattern, `$1${value}`);
}
