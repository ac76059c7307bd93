import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, edgeRefusal, forwardedHostForAction, malformedActionEnvelope } from "./edge-guard.ts";
import { isSameOrigin, type OriginPolicy } from "../http/origin.ts";

const plain: OriginPolicy = { trustProxyHeaders: false };
const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers: new Headers(headers) });

describe("the same-origin check shared by REST routes and server actions", () => {
  it("accepts an Origin naming the host the request came to, whatever the server calls itself", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3000"]) {
      // Next.js builds request.url from its own hostname (localhost), not from Host.
      expect(isSameOrigin(new Headers({ host, origin: `http://${host}` }), "http://localhost:3000/api/v1/users", plain)).toBe(true);
    }
    expect(isSameOrigin(new Headers({ host: "127.0.0.1:3000", origin: "http://localhost:3000" }), "http://localhost:3000/x", plain)).toBe(
      false,
    );
    expect(isSameOrigin(new Headers({ host: "127.0.0.1:3000", origin: "http://evil.example" }), "http://localhost:3000/x", plain)).toBe(
      false,
    );
    expect(isSameOrigin(new Headers({ host: "127.0.0.1:3000", origin: "null" }), "http://localhost:3000/x", plain)).toBe(false);
  });

  it("accepts the configured public address, and forwarded headers only from a trusted proxy", () => {
    const behind = new Headers({
      host: "10.0.0.5:3000",
      origin: "https://id.example.com",
      "x-forwarded-host": "id.example.com",
      "x-forwarded-proto": "https",
    });
    expect(isSameOrigin(behind, "http://localhost:3000/x", plain)).toBe(false);
    expect(isSameOrigin(behind, "http://localhost:3000/x", { trustProxyHeaders: true })).toBe(true);
    expect(isSameOrigin(behind, "http://localhost:3000/x", { trustProxyHeaders: false, publicUrl: "https://id.example.com/" })).toBe(true);
    const wrongProto = new Headers({
      host: "10.0.0.5:3000",
      origin: "http://id.example.com",
      "x-forwarded-host": "id.example.com",
      "x-forwarded-proto": "https",
    });
    expect(isSameOrigin(wrongProto, "http://localhost:3000/x", { trustProxyHeaders: true })).toBe(false);
  });

  it("lets requests without Origin through only when they are not cross-site browser requests", () => {
    expect(isSameOrigin(new Headers({}), "http://localhost:3000/x", plain)).toBe(true);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "same-origin" }), "http://localhost:3000/x", plain)).toBe(true);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "cross-site" }), "http://localhost:3000/x", plain)).toBe(false);
  });
});

describe("what the proxy refuses before Next.js routes a request", () => {
  it("answers malformed %-encoding and NUL in the address with a 400 in the API's own shape", () => {
    expect(edgeRefusal(request("GET", "http://h/management/users/%FF"), plain)).toEqual({
      status: 400,
      body: { Error: "The address contains malformed %-encoding." },
    });
    expect(edgeRefusal(request("GET", "http://h/api/am/admin/v4/roles/%E0%A4"), plain)).toMatchObject({
      status: 400,
      body: { code: 400, message: "Bad Request" },
    });
    expect(edgeRefusal(request("GET", "http://h/users/%00"), plain)).toMatchObject({ status: 400, body: { code: "INVALID_INPUT" } });
    expect(edgeRefusal(request("GET", "http://h/users?q=a%00b"), plain)).toMatchObject({ status: 400 });
    expect(edgeRefusal(request("GET", "http://h/users/%C3%A9?q=%E2%9C%93"), plain)).toBeNull();
  });

  it("answers an oversized action post 413 and a cross-origin one 403, before Next.js does", () => {
    const action = { "next-action": "abc", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" };
    expect(edgeRefusal(request("POST", "http://localhost:3000/users", action), plain)).toBeNull();
    expect(
      edgeRefusal(
        request("POST", "http://localhost:3000/users", { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }),
        plain,
      ),
    ).toMatchObject({
      status: 413,
      body: { code: "PAYLOAD_TOO_LARGE" },
    });
    expect(edgeRefusal(request("POST", "http://localhost:3000/users", { ...action, origin: "http://evil.example" }), plain)).toMatchObject({
      status: 403,
      body: { code: "FORBIDDEN" },
    });
    // A no-JavaScript form post carries no Next-Action header, but is an action all the same.
    expect(
      edgeRefusal(request("POST", "http://localhost:3000/roles", { host: "127.0.0.1:3000", origin: "http://evil.example" }), plain),
    ).toMatchObject({ status: 403 });
    // REST routes and next-auth check their own posts.
    expect(
      edgeRefusal(
        request("POST", "http://localhost:3000/api/auth/signout", { host: "127.0.0.1:3000", origin: "http://evil.example" }),
        plain,
      ),
    ).toBeNull();
    for (const path of ["/oauth2/token", "/oauth2/revoke", "/client-registration/v0.17/register"]) {
      expect(
        edgeRefusal(request("POST", `http://localhost:3000${path}`, { host: "127.0.0.1:3000", origin: "http://evil.example" }), plain),
      ).toBeNull();
    }
  });

  it("makes Next.js's own action check agree when the post was accepted through the public address", () => {
    const viaPublicUrl = request("POST", "http://localhost:3000/users", {
      "next-action": "abc",
      host: "10.0.0.5:3000",
      origin: "https://id.example.com",
    });
    expect(forwardedHostForAction(viaPublicUrl)).toBe("id.example.com");
    expect(
      forwardedHostForAction(
        request("POST", "http://localhost:3000/users", { "next-action": "abc", host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }),
      ),
    ).toBeNull();
  });
});

describe("server-action envelopes", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/users", { method: "POST", headers: { "next-action": "abc", ...headers }, body });

  it("lets React's reply format through, as a body or as form field 0", async () => {
    expect(await malformedActionEnvelope(post('["$undefined",1]', { "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    const form = new FormData();
    form.set("0", '["$undefined","$K1"]');
    form.set("_1_name", "x");
    expect(await malformedActionEnvelope(post(form))).toBeNull();
  });

  it("answers 400, in the usual shape, to anything Next.js would throw on", async () => {
    for (const body of ["[", '"x"', "{}", ""]) {
      expect(await malformedActionEnvelope(post(body, { "content-type": "text/plain" }))).toEqual({
        status: 400,
        body: { code: "INVALID_INPUT", message: "The action request is malformed. Nothing was changed." },
      });
    }
    for (const args of ['["$Q9"]', '[{"then":"$9"}]', '["$@1"]', '["$nabc"]']) {
      expect(await malformedActionEnvelope(post(args, { "content-type": "text/plain" }))).toMatchObject({ status: 400 });
    }
    const badHeader =
      '--XX\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--XX\r\nContent-Disposition: form-data; name="_1_\u0000"\r\n\r\nx\r\n--XX--\r\n';
    expect(await malformedActionEnvelope(post(badHeader, { "content-type": "multipart/form-data; boundary=XX" }))).toMatchObject({
      status: 400,
    });
    const noRoot = new FormData();
    noRoot.set("1", "x");
    expect(await malformedActionEnvelope(post(noRoot))).toMatchObject({ status: 400 });
  });
});
