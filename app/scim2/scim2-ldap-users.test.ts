// SCIM 2.0 Users against a read-write LDAP store on a real slapd (#16), on both databases:
// each write reaches the directory (read back with ldapts) and the mirror SCIM reads from.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { databaseKinds } from "../../testing/databases.ts";
import { CORE, PATCH_OP } from "../../testing/scim-client.ts";
import { type ScimLdap, startScimLdap } from "../../testing/scim-ldap.ts";
import { slapdAvailable } from "../../testing/slapd.ts";

vi.mock("next/headers", async () => (await import("../../testing/route-harness.ts")).nextHeaders);

const runs = slapdAvailable() || process.env.CI !== undefined;
const PASSWORD = "Alice-directory-Secret-1";

describe.skipIf(!runs).each(await databaseKinds())("%s: SCIM 2.0 Users on an LDAP store (slapd)", (kind) => {
  let w: ScimLdap;
  let alice: { id: string; dn: string; version: string };
  beforeAll(async () => {
    w = await startScimLdap(kind);
  });
  afterAll(() => w?.stop());
  const aliceDn = () => `uid=alice,${w.slapd.peopleDn}`;
  const names = (body: Record<string, unknown>) => (body.Resources as { userName: string }[]).map((u) => u.userName);

  it("POST creates the directory entry with the mapped attributes, and the mirror row GET answers from", async () => {
    const made = await w.scim("POST", "/Users", {
      schemas: [CORE],
      userName: "LDAP1/alice",
      password: PASSWORD,
      name: { givenName: "Alice", familyName: "Liddell" },
      emails: [{ value: "alice@wonder.example", primary: true }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ userName: "LDAP1/alice", name: { givenName: "Alice", familyName: "Liddell" } });
    expect(made.body.emails).toEqual([expect.objectContaining({ value: "alice@wonder.example" })]);
    alice = { id: made.body.id as string, dn: aliceDn(), version: made.body.meta.version as string };

    const entry = await w.entry(alice.dn);
    expect(entry).toMatchObject({ uid: ["alice"], givenname: ["Alice"], sn: ["Liddell"], mail: ["alice@wonder.example"] });
    const row = await w.t.db.user.findUniqueOrThrow({ where: { id: Number(alice.id) } });
    expect(row).toMatchObject({ storeId: w.stores.LDAP1, username: "alice", externalId: entry!.entryuuid![0] });

    const read = await w.scim("GET", `/Users/${alice.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: alice.id, userName: "LDAP1/alice", name: { givenName: "Alice", familyName: "Liddell" } });
    alice.version = read.etag!;
  });

  it("PATCH and PUT change the directory's attributes; a stale If-Match is 412 and writes nothing", async () => {
    const patched = await w.scim("PATCH", `/Users/${alice.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "replace", path: "name.givenName", value: "Alicia" },
        { op: "replace", path: "emails", value: [{ value: "alicia@wonder.example", primary: true }] },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(await w.entry(alice.dn)).toMatchObject({ givenname: ["Alicia"], mail: ["alicia@wonder.example"], sn: ["Liddell"] });

    const stale = await w.scim(
      "PATCH",
      `/Users/${alice.id}`,
      { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "name.givenName", value: "Stale" }] },
      { "if-match": alice.version },
    );
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ status: "412" });
    expect((await w.entry(alice.dn))!.givenname).toEqual(["Alicia"]);

    const put = await w.scim(
      "PUT",
      `/Users/${alice.id}`,
      {
        schemas: [CORE],
        userName: "LDAP1/alice",
        name: { givenName: "Alice", familyName: "Kingsleigh" },
        emails: [{ value: "alice@kingsleigh.example", primary: true }],
      },
      { "if-match": patched.body.meta.version as string },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ name: { givenName: "Alice", familyName: "Kingsleigh" } });
    expect(await w.entry(alice.dn)).toMatchObject({ givenname: ["Alice"], sn: ["Kingsleigh"], mail: ["alice@kingsleigh.example"] });
    alice.version = put.body.meta.version as string;
  });

  it("PATCH password sets the directory's password; a value the schema refuses is 400 and changes nothing", async () => {
    const password = await w.scim("PATCH", `/Users/${alice.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "password", value: "Alice-new-Secret-2" }],
    });
    expect(password.status, JSON.stringify(password.body)).toBe(200);
    expect(await w.binds(alice.dn, "Alice-new-Secret-2")).toBe(true);
    expect(await w.binds(alice.dn, PASSWORD)).toBe(false);

    // inetOrgPerson must keep sn: slapd refuses, and the mirror keeps the family name too.
    const refused = await w.scim("PATCH", `/Users/${alice.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "remove", path: "name.familyName" }],
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body).toMatchObject({ status: "400", detail: expect.stringMatching(/LDAP directory refused/) });
    expect((await w.entry(alice.dn))!.sn).toEqual(["Kingsleigh"]);
    expect((await w.scim("GET", `/Users/${alice.id}`)).body.name.familyName).toBe("Kingsleigh");
  });

  it("filters on the store's users: userName eq and sw with the domain, emails co, and pages over them", async () => {
    const eq = await w.scim("GET", `/Users?filter=${encodeURIComponent('userName eq "LDAP1/alice"')}`);
    expect(eq.body).toMatchObject({ totalResults: 1, Resources: [{ id: alice.id }] });
    // The same name in another store is another user: the domain narrows eq and sw alike.
    const sw = await w.scim("GET", `/Users?filter=${encodeURIComponent('userName sw "LDAP1/a"')}`);
    expect(sw.status, JSON.stringify(sw.body)).toBe(200);
    expect(names(sw.body)).toEqual(["LDAP1/alice"]);
    const co = await w.scim("GET", `/Users?filter=${encodeURIComponent('emails co "kingsleigh.exa"')}`);
    expect(names(co.body)).toEqual(["LDAP1/alice"]);

    const filter = encodeURIComponent('userName sw "LDAP1/user0000"');
    const first = await w.scim("GET", `/Users?filter=${filter}&sortBy=userName&count=4&startIndex=1`);
    const second = await w.scim("GET", `/Users?filter=${filter}&sortBy=userName&count=4&startIndex=5`);
    expect(first.body).toMatchObject({ totalResults: 6, itemsPerPage: 4, startIndex: 1 });
    expect([...names(first.body), ...names(second.body)]).toEqual(
      ["user000019", "user000020", "user000021", "user000022", "user000023", "user000024"].map((n) => `LDAP1/${n}`),
    );
  });

  it("sees a change made in the directory itself after the store's sync", async () => {
    await w.modify(alice.dn, "givenName", ["Changed-In-LDAP"]);
    // The mirror answers until it is refreshed: SCIM reads Gatehouse's tables, never the directory.
    expect((await w.scim("GET", `/Users/${alice.id}`)).body.name.givenName).toBe("Alice");
    await w.sync();
    const read = await w.scim("GET", `/Users/${alice.id}`);
    expect(read.body).toMatchObject({ id: alice.id, name: { givenName: "Changed-In-LDAP", familyName: "Kingsleigh" } });
    const byName = await w.scim("GET", `/Users?filter=${encodeURIComponent('name.givenName eq "changed-in-ldap"')}`);
    expect(names(byName.body)).toEqual(["LDAP1/alice"]);
  });

  it("DELETE removes the entry from the directory and the mirror", async () => {
    const gone = await w.scim("DELETE", `/Users/${alice.id}`);
    expect(gone.status, JSON.stringify(gone.body)).toBe(204);
    expect(await w.entry(alice.dn)).toBeNull();
    expect(await w.t.db.user.count({ where: { id: Number(alice.id) } })).toBe(0);
    expect((await w.scim("GET", `/Users/${alice.id}`)).status).toBe(404);
  });
});
