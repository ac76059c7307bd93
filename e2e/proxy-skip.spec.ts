import { expect, test } from "@playwright/test";

/**
 * scripts/serve.mjs lets the GETs proxy.ts would pass on unchanged skip it, by a header it sets
 * on every request (scripts/plain-get.mjs). A client that sends that header itself must not get
 * past any of the proxy's refusals or rewrites.
 */
const mark = { "x-gatehouse-plain-get": "1" };

test("a client's own plain-GET mark skips none of the proxy's refusals", async ({ request }) => {
  const nul = await request.get("/login?q=%00", { headers: mark });
  expect(nul.status()).toBe(400);
  expect(await nul.json()).toMatchObject({ code: "INVALID_INPUT" });
  expect((await request.get("/users/%ZZ", { headers: mark })).status()).toBe(400);
  const crossSite = await request.post("/login", {
    headers: { ...mark, origin: "http://evil.example", "next-action": "0".repeat(42) },
    multipart: { "0": "[]" },
  });
  expect(crossSite.status()).toBe(403);
  // The same page without an escape is served.
  expect((await request.get("/login", { headers: mark })).status()).toBe(200);
});

test("a client's own plain-GET mark does not stop the /t/{tenant}/ rewrite", async ({ request }) => {
  // Rewritten, the tenants API asks for credentials; not rewritten, there is no such page.
  const response = await request.get("/t/carbon.super/api/server/v1/tenants", { headers: mark });
  expect(response.status()).toBe(401);
});
