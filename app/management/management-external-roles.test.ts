import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { mgmtCall, mgmtRequest, mgmtWorld, type MgmtWorld } from "../../testing/management-client.ts";
import { addPerson, createTestDirectory, seedExternalStore } from "../../testing/test-directory.ts";
import { syncStore } from "../../lib/user-stores/external/sync.ts";
import * as roleRoute from "./roles/[role]/route.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

// The MI's DELETE /roles/{role} on a read-write LDAP store's group: the directory owns it, so
// deleting the mirror row alone would be undone by the next sync; the API refuses instead.
describe.each(await databaseKinds())("DELETE /management/roles/{an external store's group} on %s", (kind) => {
  let w: MgmtWorld;
  let domain: string;

  beforeAll(async () => {
    w = await mgmtWorld(kind);
    const directory = createTestDirectory({ readOnly: false });
    addPerson(directory, "lena");
    directory.teams.set("cn=developers", { externalId: "cn=developers", name: "developers", memberIds: ["uid=lena,ou=people"] });
    const store = await seedExternalStore(w.t.db, directory);
    domain = store.domain;
    await syncStore(w.t.db, store.tenantId, store.id);
  });
  afterAll(() => w.t.drop());

  it("is refused with the reason, and the role stays", async () => {
    const request = mgmtRequest("DELETE", `/roles/developers?domain=${domain}`, { token: w.admin.token });
    const answer = await mgmtCall(roleRoute.DELETE, "/roles/{role}", request, { role: "developers" });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { Error: string }).Error).toBe(
      `${domain}/developers is a group of an external user store: delete it in the directory; Gatehouse follows at the next sync.`,
    );
    expect(await w.t.db.role.count({ where: { store: { domain }, name: "developers" } })).toBe(1);
  });
});
