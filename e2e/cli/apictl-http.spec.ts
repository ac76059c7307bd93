import { expect, test } from "./support/server.ts";
import { seedAdmin, unique } from "./support/people.ts";
import { seedUser } from "../../testing/seed.ts";

// apictl's `mi` requests over real HTTP against the production server: what the route-handler
// tests cannot show, Next.js routing (the JSON catch-all) and a streamed body on the wire.
test("apictl's login, whole list, unknown path and logout through the production server", async ({ server }) => {
  const admin = await seedAdmin(server.db);
  const basic = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString("base64")}`;
  const login = await fetch(`${server.url}/management/login`, { headers: { authorization: basic } });
  expect(login.status).toBe(200);
  const { AccessToken } = (await login.json()) as { AccessToken: string };
  const bearer = { authorization: `Bearer ${AccessToken}` };

  const prefix = unique("wire_");
  for (let i = 0; i < 3; i++) await seedUser(server.db, { username: `${prefix}_${i}`, grants: [] });
  const list = await fetch(`${server.url}/management/users?pattern=${prefix}*`, { headers: bearer });
  expect(list.status).toBe(200);
  expect(list.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await list.json()).toEqual({ count: 3, list: [0, 1, 2].map((i) => ({ userId: `${prefix}_${i}` })) });

  for (const path of ["/management/apis", "/management/users/a/b", "/management/roles/Internal/creator"]) {
    const missing = await fetch(`${server.url}${path}`, { headers: bearer });
    expect(missing.status, path).toBe(404);
    expect(await missing.json(), path).toEqual({ Error: expect.stringContaining(path) });
  }

  const anonymous = await fetch(`${server.url}/management/users`);
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer realm="/);
  const noCredentials = await fetch(`${server.url}/management/login`);
  expect(noCredentials.headers.get("www-authenticate")).toMatch(/^Basic realm="/);

  expect((await fetch(`${server.url}/management/logout`, { headers: bearer })).status).toBe(200);
  expect((await fetch(`${server.url}/management/users`, { headers: bearer })).status).toBe(401);
});
