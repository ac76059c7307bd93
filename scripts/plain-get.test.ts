import fc from "fast-check";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "../proxy.ts";
import { isPlainGet, PLAIN_GET_HEADER } from "./plain-get.mjs";

/** What proxy.ts answers a request with: "pass" when it lets it through untouched. */
async function proxyDecision(method: string, url: string): Promise<string> {
  const response = await proxy(new NextRequest(`http://127.0.0.1:3000${url}`, { method, headers: { host: "127.0.0.1:3000" } }));
  if (response.headers.get("x-middleware-rewrite")) return "rewrite";
  if (response.headers.get("x-middleware-override-headers")) return "headers";
  return response.headers.get("x-middleware-next") === "1" ? "pass" : `answer ${response.status}`;
}

describe("the GETs scripts/serve.mjs lets skip proxy.ts", () => {
  it("are the ones the matcher skips: the header serve.mjs sets", () => {
    expect(config.matcher).toEqual([expect.objectContaining({ missing: [{ type: "header", key: PLAIN_GET_HEADER, value: "1" }] })]);
  });

  it("are plain console and API reads, and nothing with an escape, a tenant address or a body", () => {
    for (const url of [
      "/users",
      "/users?q=ops&page=2",
      "/roles/12?tab=members",
      "/users?q=*smith*",
      "/api/v1/me",
      "/tenants?sort=created",
    ]) {
      expect(isPlainGet("GET", url), url).toBe(true);
      expect(isPlainGet("HEAD", url), url).toBe(true);
      expect(isPlainGet("POST", url), url).toBe(false);
    }
    for (const url of ["/users?q=%00", "/users/%ZZ", "/users?q=a%20b", "/t/acme.com/scim2/Users", "/users?q=é", "users", "", undefined]) {
      expect(isPlainGet("GET", url), String(url)).toBe(false);
    }
  });

  it("would each have passed through proxy.ts untouched", async () => {
    const address = fc.stringMatching(/^\/[\x20-\x7e]{0,40}$/);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GET", "HEAD"), address, async (method, url) => {
        fc.pre(isPlainGet(method, url));
        expect(await proxyDecision(method, url)).toBe("pass");
      }),
      { numRuns: 2000 },
    );
  });

  it("leave the proxy what it refuses or rewrites", async () => {
    expect(await proxyDecision("GET", "/users?q=%00")).toBe("answer 400");
    expect(await proxyDecision("GET", "/users/%ZZ")).toBe("answer 400");
    expect(await proxyDecision("GET", "/t/acme.com/scim2/Users")).toBe("rewrite");
  });
});
