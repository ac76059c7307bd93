import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { addPerson, createTestDirectory, seedExternalStore, type TestDirectory } from "../../testing/test-directory.ts";
import { syncStore } from "../../lib/user-stores/external/sync.ts";
import * as rolesRoute from "./roles/route.ts";
import * as roleRoute from "./roles/[role]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

// The MI's POST /roles and DELETE /roles/{role} on external stores' groups: a read-write store's
// go to its directory (apictl's `roles add` / `roles delete`), a read-only store's are refused,
// and a directory that is down answers 503, not 500.
describe.each(await databaseKinds())("POST and DELETE /management/roles on external stores' groups on %s", (kind) => {
  let w: MgmtWorld;
  const stores: Record<"rw" | "ro", { directory: TestDirectory; domain: string }> = {} as never;

  beforeAll(async () => {
    w = await mgmtWorld(kind);
    for (const mode of ["rw", "ro"] as const) {
      const directory = createTestDirectory({ readOnly: mode === "ro" });
      addPerson(directory, "lena");
      directory.teams.set("cn=developers", { externalId: "cn=developers", name: "developers", memberIds: ["uid=lena,ou=people"] });
      const store = await seedExternalStore(w.t.db, directory);
      await syncStore(w.t.db, store.tenantId, store.id);
      stores[mode] = { directory, domain: store.domain };
    }
  });
  afterAll(() => w.t.drop());

  const add = (domain: string, role: string) =>
    mgmtCall(rolesRoute.POST, "/roles", mgmtRequest("POST", "/roles", { token: w.admin.token, body: { role, domain } }), {});
  const remove = (domain: string, role: string) =>
    mgmtCall(
      roleRoute.DELETE,
      "/roles/{role}",
      mgmtRequest("DELETE", `/roles/${encodeURIComponent(role)}?domain=${domain}`, { token: w.admin.token }),
      { role },
    );
  const error = async (answer: Response) => ((await answer.json()) as { Error: string }).Error;

  it("adds and deletes a read-write store's group in its directory", async () => {
    const { directory, domain } = stores.rw;
    const added = await add(domain, "ops");
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ role: `${domain}/ops`, status: "Added" });
    expect(directory.teams.get("cn=ops,ou=groups")?.name).toBe("ops");
    expect(await w.t.db.role.count({ where: { store: { domain }, name: "ops", externalId: "cn=ops,ou=groups" } })).toBe(1);

    const deleted = await remove(domain, "ops");
    expect(deleted.status).toBe(200);
    expect(directory.teams.has("cn=ops,ou=groups")).toBe(false);
    expect(await w.t.db.role.count({ where: { store: { domain }, name: "ops" } })).toBe(0);
  });

  it("refuses a read-only store's group, posted directly, with the reason, and changes nothing", async () => {
    const { directory, domain } = stores.ro;
    const added = await add(domain, "ops");
    expect(added.status).toBe(403);
    expect(await error(added)).toBe(`The ${domain} user store is read-only.`);
    const deleted = await remove(domain, "developers");
    expect(deleted.status).toBe(403);
    expect(await error(deleted)).toBe(`${domain}/developers is in a read-only user store.`);
    expect([...directory.teams.keys()]).toEqual(["cn=developers"]);
    expect(await w.t.db.role.count({ where: { store: { domain } } })).toBe(1);
  });

  it("answers 503 with the directory's reason when it is down, and keeps the role", async () => {
    const { directory, domain } = stores.rw;
    directory.down = true;
    try {
      const deleted = await remove(domain, "developers");
      expect(deleted.status).toBe(503);
      expect(await error(deleted)).toBe("The test directory is down (connection refused).");
      expect((await add(domain, "offline")).status).toBe(503);
    } finally {
      directory.down = false;
    }
    expect(await w.t.db.role.count({ where: { store: { domain }, name: { in: ["developers", "offline"] } } })).toBe(1);
  });
});
