import { request as httpRequest } from "node:http";
import { expect, test } from "./support/server.ts";
import { seedAdmin, unique } from "./support/people.ts";
import { scimClient } from "./support/scim-client.ts";

// POST /scim2/Bulk over real HTTP against the production server, on SQLite and PostgreSQL: IS's
// documented bulk request (a group naming a user of the same request by bulkId, then read back
// by a GET operation), and a chunked
// body over maxPayloadSize refused with 413 tooMany before anything runs.

test("a SCIM client provisions a user and its group in one bulk request", async ({ server }) => {
  const admin = await seedAdmin(server.db);
  const scim = scimClient(server.url, admin);
  const userName = unique("bulk_wire_");
  const answer = await scim.post("/Bulk", {
    failOnErrors: 1,
    schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
    Operations: [
      {
        method: "POST",
        path: "/Groups",
        bulkId: "ytrewq",
        data: {
          schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
          displayName: `${userName}_g`,
          members: [{ value: "bulkId:qwerty" }],
        },
      },
      { method: "POST", path: "/Users", bulkId: "qwerty", data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName } },
      { method: "GET", path: "/Groups/bulkId:ytrewq?attributes=members" },
    ],
  });
  expect(answer.status, await answer.clone().text()).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
  const body = (await answer.json()) as { Operations: { bulkId?: string; status: string; location: string; response?: unknown }[] };
  expect(body.Operations.map((o) => [o.bulkId, o.status])).toEqual([
    ["qwerty", "201"],
    ["ytrewq", "201"],
    [undefined, "200"],
  ]);
  expect(body.Operations[2]!.response).toMatchObject({ members: [{ value: body.Operations[0]!.location.split("/").pop() }] });
  expect(body.Operations[0]!.location).toMatch(new RegExp(`^${server.url}/scim2/Users/\\d+$`));
  const group = await scim.get(new URL(body.Operations[1]!.location).pathname.replace(/^\/scim2/, ""));
  expect(await group.json()).toMatchObject({ members: [{ value: body.Operations[0]!.location.split("/").pop() }] });
});

test("a chunked bulk body over maxPayloadSize is 413 tooMany, nothing created", async ({ server }) => {
  const admin = await seedAdmin(server.db);
  const userName = unique("bulk_big_");
  const json = JSON.stringify({
    schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
    Operations: [{ method: "POST", path: "/Users", data: { schemas: [], userName, displayName: "x".repeat(1_100_000) } }],
  });
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(`${server.url}/scim2/Bulk`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString("base64")}`,
        "content-type": "application/scim+json",
        "transfer-encoding": "chunked",
      },
    });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before the whole body is sent: a write error after the answer is expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    for (let i = 0; i < json.length; i += 65_536) req.write(json.slice(i, i + 65_536));
    req.end();
  });
  expect(status, text).toBe(413);
  expect(JSON.parse(text)).toMatchObject({ status: "413", scimType: "tooMany" });
  expect(await server.db.user.count({ where: { usernameKey: userName } })).toBe(0);
});
