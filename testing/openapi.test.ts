import { describe, expect, it } from "vitest";
import { OpenApiDocument } from "./openapi.ts";

const doc = new OpenApiDocument("public/openapi/apim-admin-v4.json");
const json = (status: number, body: unknown) => Response.json(body, { status });

describe("the OpenAPI check itself", () => {
  it("accepts a documented answer and rejects wrong shapes and undocumented statuses", async () => {
    await doc.assertResponse(
      "/system-scopes",
      "GET",
      json(200, { count: 1, list: [{ name: "a", description: "", tag: "admin", roles: ["admin"] }] }),
    );
    await expect(
      doc.assertResponse("/system-scopes", "GET", json(200, { count: 1, list: [{ name: "a", roles: ["admin"] }] })),
    ).rejects.toThrow(/description/);
    await expect(doc.assertResponse("/system-scopes", "GET", json(200, { count: "1", list: [] }))).rejects.toThrow(/count/);
    await expect(
      doc.assertResponse("/system-scopes", "GET", json(404, { code: 404, message: "Not Found", description: "x" })),
    ).rejects.toThrow(/does not list/);
    await expect(doc.assertResponse("/system-scopes", "PUT", json(400, { code: "INVALID_INPUT", message: "x" }))).rejects.toThrow();
    expect(doc.acceptsRequest("/system-scopes", "PUT", { list: [{ name: "a", roles: [] }] })).toBe(true);
    expect(doc.acceptsRequest("/system-scopes", "PUT", { list: [{ name: "a" }] })).toBe(false);
  });
});
