// SCIM 2.0 Groups, Bulk and the failure cases against LDAP stores on a real slapd (#16), on
// both databases: member DNs in the directory, a read-only store's refusals, the directory
// refusing or failing mid-request (a clear 4xx/503, never a 500) with the mirror unchanged.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { BULK, CORE, GROUP, PATCH_OP } from "../../testing/scim-client.ts";
import { type ScimLdap, startScimLdap } from "../../testing/scim-ldap.ts";
import { slapdAvailable } from "../../testing/slapd.ts";
import { slapdGroups } from "../../testing/slapd-groups.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const runs = slapdAvailable() || process.env.CI !== undefined;
const PASSWORD = "Directory-Secret-pass-1";

describe.skipIf(!runs).each(await databaseKinds())("%s: SCIM 2.0 Groups and Bulk on LDAP stores (slapd)", (kind) => {
  let w: ScimLdap;
  beforeAll(async () => {
    w = await startScimLdap(kind);
  });
  afterAll(() => w?.stop());
  const dn = (uid: string) => `uid=${uid},${w.slapd.peopleDn}`;
  const idOf = async (domain: "LDAP1" | "LDAPRO", username: string) =>
    String((await w.t.db.user.findFirstOrThrow({ where: { storeId: w.stores[domain], usernameKey: username } })).id);
  const newUser = (userName: string) => ({ schemas: [CORE], userName, password: PASSWORD, name: { givenName: "G", familyName: "F" } });
  const mirror = async () => ({
    users: await w.t.db.user.count(),
    roles: await w.t.db.role.count(),
    memberships: await w.t.db.membership.count(),
  });
  const expectScimError = (answer: { status: number; body: Record<string, unknown> }, status: number) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status) });
  };

  it("POST, PATCH add/remove and DELETE a group: the groupOfNames and its member DNs in the directory", async () => {
    const [a, b, c] = await Promise.all(["user000019", "user000020", "user000021"].map((u) => idOf("LDAP1", u)));
    const made = await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "LDAP1/team", members: [{ value: a }, { value: b }] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ displayName: "LDAP1/team" });
    expect(slapdGroups(w.slapd).get("team")!.members.sort()).toEqual([dn("user000019"), dn("user000020")]);

    const patched = await w.scim("PATCH", `/Groups/${made.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "add", path: "members", value: [{ value: c }] },
        { op: "remove", path: `members[value eq "${a}"]` },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(slapdGroups(w.slapd).get("team")!.members.sort()).toEqual([dn("user000020"), dn("user000021")]);
    expect((patched.body.members as { value: string }[]).map((m) => m.value).sort()).toEqual([b, c].sort());

    const put = await w.scim("PUT", `/Groups/${made.body.id}`, { schemas: [GROUP], displayName: "LDAP1/crew", members: [{ value: b }] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(slapdGroups(w.slapd).has("team")).toBe(false);
    expect(slapdGroups(w.slapd).get("crew")!.members).toEqual([dn("user000020")]);

    expect((await w.scim("DELETE", `/Groups/${made.body.id}`)).status).toBe(204);
    expect(slapdGroups(w.slapd).has("crew")).toBe(false);
    expect(await w.t.db.role.count({ where: { id: Number(made.body.id) } })).toBe(0);
  });

  it("refuses to empty a groupOfNames (4xx), and answers 404 for a user the directory deleted behind the mirror", async () => {
    const member = await idOf("LDAP1", "user000024");
    const made = await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "LDAP1/solo", members: [{ value: member }] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const emptied = await w.scim("PATCH", `/Groups/${made.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "remove", path: "members" }],
    });
    expect(emptied.status, JSON.stringify(emptied.body)).toBeGreaterThanOrEqual(400);
    expect(emptied.status).toBeLessThan(500);
    expect(slapdGroups(w.slapd).get("solo")!.members).toEqual([dn("user000024")]);
    expect(await w.t.db.membership.count({ where: { roleId: Number(made.body.id) } })).toBe(1);

    const gone = await w.scim("POST", "/Users", newUser("LDAP1/gone"));
    await w.remove(dn("gone"));
    const patch = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.givenName", value: "Ghost" }] };
    expectScimError(await w.scim("PATCH", `/Users/${gone.body.id}`, patch), 404);
    await w.sync();
    expect((await w.scim("GET", `/Users/${gone.body.id}`)).status).toBe(404);
  });

  it("Bulk creates LDAP1 users and a group naming them by bulkId, all in the directory", async () => {
    const answer = await w.scim("POST", "/Bulk", {
      schemas: [BULK],
      Operations: [
        { method: "POST", path: "/Users", bulkId: "u1", data: newUser("LDAP1/bulk-one") },
        { method: "POST", path: "/Users", bulkId: "u2", data: newUser("LDAP1/bulk-two") },
        {
          method: "POST",
          path: "/Groups",
          bulkId: "g",
          data: { schemas: [GROUP], displayName: "LDAP1/bulk-team", members: [{ value: "bulkId:u1" }, { value: "bulkId:u2" }] },
        },
        {
          method: "PATCH",
          path: "/Users/bulkId:u2",
          data: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.givenName", value: "Two" }] },
        },
      ],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // Answered in the order they ran: the PATCH naming bulkId:u2 may run before the group.
    const ran = (answer.body.Operations as { method: string; bulkId?: string; status: string }[]).map(
      (o) => `${o.method} ${o.bulkId ?? "-"} ${o.status}`,
    );
    expect(ran.sort()).toEqual(["PATCH - 200", "POST g 201", "POST u1 201", "POST u2 201"]);
    expect(slapdGroups(w.slapd).get("bulk-team")!.members.sort()).toEqual([dn("bulk-one"), dn("bulk-two")]);
    expect(await w.entry(dn("bulk-two"))).toMatchObject({ givenname: ["Two"] });
  });

  it("refuses POST, PATCH and DELETE on a read-only LDAP store with a SCIM 4xx, and writes nothing", async () => {
    const before = await mirror();
    const id = await idOf("LDAPRO", "user000022");
    expectScimError(await w.scim("POST", "/Users", newUser("LDAPRO/carol")), 403);
    const patch = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.givenName", value: "Nope" }] };
    expectScimError(await w.scim("PATCH", `/Users/${id}`, patch), 403);
    expectScimError(await w.scim("DELETE", `/Users/${id}`), 403);
    expectScimError(await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "LDAPRO/team", members: [{ value: id }] }), 403);
    expect(await w.entry(dn("carol"))).toBeNull();
    expect(await w.entry(dn("user000022"))).toMatchObject({ givenname: ["Given 22"] });
    expect(await mirror()).toEqual(before);
  });

  it("answers 409 uniqueness when the directory already holds the entry, and the mirror stays as it was", async () => {
    await w.add(dn("dave"), { objectClass: "inetOrgPerson", uid: "dave", cn: "dave", sn: "Directory" });
    const before = await mirror();
    const answer = await w.scim("POST", "/Users", newUser("LDAP1/dave"));
    expectScimError(answer, 409);
    expect(await mirror()).toEqual(before);
    expect(await w.entry(dn("dave"))).toMatchObject({ sn: ["Directory"] });
  });

  it("answers 400 when the directory refuses a POST's attribute (mail is IA5), leaving no user behind", async () => {
    const before = await mirror();
    const answer = await w.scim("POST", "/Users", { ...newUser("LDAP1/zoe"), emails: [{ value: "zoë@example.test", primary: true }] });
    expectScimError(answer, 400);
    expect(answer.body.detail).toMatch(/LDAP directory refused/);
    expect(await w.entry(dn("zoe"))).toBeNull();
    expect(await mirror()).toEqual(before);
  });

  it("answers 503 while slapd is down, for a user and a group write, and the mirror stays as it was", async () => {
    const id = await idOf("LDAP1", "user000023");
    const before = await mirror();
    await w.slapd.kill();
    try {
      expectScimError(await w.scim("POST", "/Users", newUser("LDAP1/erin")), 503);
      const patch = { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.givenName", value: "Offline" }] };
      expectScimError(await w.scim("PATCH", `/Users/${id}`, patch), 503);
      expectScimError(await w.scim("DELETE", `/Users/${id}`), 503);
      expectScimError(await w.scim("POST", "/Groups", { schemas: [GROUP], displayName: "LDAP1/offline", members: [{ value: id }] }), 503);
      const bulk = await w.scim("POST", "/Bulk", {
        schemas: [BULK],
        Operations: [{ method: "POST", path: "/Users", bulkId: "e", data: newUser("LDAP1/erin") }],
      });
      expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
      expect(bulk.body.Operations).toEqual([expect.objectContaining({ bulkId: "e", status: "503" })]);
      // Reads keep working from the mirror while the directory is away.
      expect((await w.scim("GET", `/Users/${id}`)).body).toMatchObject({ userName: "LDAP1/user000023" });
    } finally {
      await w.slapd.restart();
    }
    expect(await mirror()).toEqual(before);
    expect(await w.entry(dn("erin"))).toBeNull();
    expect(await w.entry(dn("user000023"))).toMatchObject({ givenname: ["Given 23"] });
  });
});
