import { expect, test } from "@playwright/test";
import { databaseKinds } from "../testing/databases.ts";
import { seedUser } from "../testing/seed.ts";
import { startServerOn, type StartedServer } from "./cli/support/server.ts";

/**
 * Issue #9 follow-up: the address the per-address rate limit and lockout count is the TCP peer
 * (scripts/serve.mjs records it), so a client talking to Gatehouse directly cannot escape them
 * by sending a new X-Forwarded-For, or the serve script's own header, with each guess. Behind a
 * proxy that overwrites X-Forwarded-For (`trust_proxy_headers = true`) that header is believed.
 * Both servers allow two failed checks per address and window (per_address = 2).
 */
const LOGIN = ["/permission/admin/login"] as const;
const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

async function login(server: StartedServer, username: string, password: string, forwardedFor: string) {
  const response = await fetch(`${server.url}/management/login`, {
    method: "POST",
    headers: { authorization: basic(username, password), "x-forwarded-for": forwardedFor, "x-gatehouse-peer": forwardedFor },
  });
  return response.status;
}

test.describe.configure({ timeout: 180_000 });

for (const kind of ["sqlite", "postgres"] as const) {
  test.describe(`on ${kind}`, () => {
    test.beforeEach(async () => {
      test.skip(!(await databaseKinds()).includes(kind), "PostgreSQL is unreachable");
    });

    test("a direct client that forges a new X-Forwarded-For with each guess still meets the per-address limit", async () => {
      const server = await startServerOn(kind, { configFile: "e2e/gatehouse.throttle.e2e.toml" });
      try {
        const user = await seedUser(server.db, { grants: LOGIN });
        expect(await login(server, user.username, "wrong guess 1", "198.51.100.1")).toBe(401);
        expect(await login(server, user.username, "wrong guess 2", "198.51.100.2")).toBe(401);
        expect(await login(server, user.username, "wrong guess 3", "198.51.100.3")).toBe(429);
        expect(await login(server, user.username, user.password, "198.51.100.4")).toBe(429);
        // Both failures were counted against the connection's address, not the claimed ones.
        const pairs = await server.db.addressLockout.findMany({ where: { userId: user.id } });
        expect(pairs.map((pair) => pair.address)).toEqual(["127.0.0.1"]);
        expect(await server.db.session.count({ where: { userId: user.id } })).toBe(0);
      } finally {
        await server.stop();
      }
    });

    test("behind a trusted proxy, the first X-Forwarded-For entry is the client's address", async () => {
      const server = await startServerOn(kind, { configFile: "e2e/gatehouse.trusted-proxy.e2e.toml" });
      try {
        const user = await seedUser(server.db, { grants: LOGIN });
        for (const address of ["198.51.100.1", "198.51.100.2", "198.51.100.3"]) {
          expect(await login(server, user.username, "wrong guess", address)).toBe(401);
        }
        expect(await login(server, user.username, "wrong guess", "198.51.100.3")).toBe(401);
        expect(await login(server, user.username, "wrong guess", "198.51.100.3")).toBe(429);
        expect(await login(server, user.username, user.password, "198.51.100.9, 10.0.0.1")).toBe(200);
        const pairs = await server.db.addressLockout.findMany({ where: { userId: user.id }, orderBy: { address: "asc" } });
        expect(pairs.map((pair) => pair.address)).toEqual(["198.51.100.1", "198.51.100.2", "198.51.100.3"]);
        const session = await server.db.session.findFirstOrThrow({ where: { userId: user.id } });
        expect(session.ip).toBe("198.51.100.9");
      } finally {
        await server.stop();
      }
    });
  });
}
