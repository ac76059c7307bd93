import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import * as exportRoute from "./export/users/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const ORG = "http://wso2.org/claims/organization";

describe.each(await databaseKinds())("management GET /export/users on %s", (kind) => {
  let w: MgmtWorld;
  beforeAll(async () => {
    w = await mgmtWorld(kind);
    const user = await w.t.db.user.findUniqueOrThrow({ where: { id: w.manager.id } });
    await w.t.db.userClaim.create({ data: { userId: user.id, claim: ORG, value: "=Acme" } });
  });
  afterAll(() => w.t.drop());

  const get = (token: string, query: string) =>
    mgmtCall(exportRoute.GET, "/export/users", mgmtRequest("GET", `/export/users${query}`, { token }), {});

  it("answers the CSV by default: WSO2's bulk-import header, the filtered users, guarded cells, as an attachment", async () => {
    const response = await get(w.manager.token, `?search=${w.manager.username}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="users-carbon\.super-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        UserName: w.manager.username,
        Password: "",
        Roles: `Internal/everyone:role_${w.manager.username}`,
        [ORG]: "'=Acme",
      }),
    ]);
  });

  it("answers JSON lines (each line checked against the document), filtered by claim", async () => {
    const response = await get(w.admin.token, `?format=json&claim=${encodeURIComponent(ORG)}&value=*acme*`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { userName: w.manager.username, roles: ["Internal/everyone", `role_${w.manager.username}`], claims: { [ORG]: "=Acme" } },
    ]);
    expect(await w.t.db.auditEvent.count({ where: { action: "user.exported", actorName: w.admin.username } })).toBe(1);
  });

  it("refuses a user without users.list (403), a missing token (401) and an unknown format (400)", async () => {
    expect((await get(w.plain.token, "")).status).toBe(403);
    expect((await get("", "")).status).toBe(401);
    expect((await get(w.admin.token, "?format=xml")).status).toBe(400);
    expect(await w.t.db.auditEvent.count({ where: { action: "user.exported", actorName: w.plain.username } })).toBe(0);
  });
});
