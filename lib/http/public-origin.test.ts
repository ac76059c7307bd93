import { describe, expect, it } from "vitest";
import { publicOrigin } from "./origin.ts";

const BOUND = "http://localhost:3000/scim2/Users";
const headers = (h: Record<string, string>) => new Headers(h);

describe("publicOrigin: the address absolute links name", () => {
  it("is the Host the client addressed, not the address the server bound", () => {
    expect(publicOrigin(headers({ host: "127.0.0.1:8443" }), BOUND, { trustProxyHeaders: false })).toBe("http://127.0.0.1:8443");
  });

  it("is the configured public address when there is one", () => {
    const policy = { publicUrl: "https://iam.example.com/", trustProxyHeaders: true };
    expect(publicOrigin(headers({ host: "10.0.0.5", "x-forwarded-host": "evil.example" }), BOUND, policy)).toBe("https://iam.example.com");
  });

  it("follows X-Forwarded-Host/-Proto only from a trusted proxy", () => {
    const forwarded = headers({ host: "10.0.0.5:3000", "x-forwarded-host": "iam.example.com", "x-forwarded-proto": "https" });
    expect(publicOrigin(forwarded, BOUND, { trustProxyHeaders: true })).toBe("https://iam.example.com");
    expect(publicOrigin(forwarded, BOUND, { trustProxyHeaders: false })).toBe("http://10.0.0.5:3000");
  });

  it("falls back to the request's own origin when the Host header is unusable", () => {
    expect(publicOrigin(headers({ host: "bad host/\\" }), BOUND, { trustProxyHeaders: false })).toBe("http://localhost:3000");
  });
});
