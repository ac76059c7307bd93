import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { superTenantId } from "../../testing/seed.ts";
import { provisionTenant, superAdminActor } from "../../testing/tenants.ts";
import type { Actor } from "../authz/principal.ts";
import { qualifiedName } from "../core/domains.ts";
import { provision } from "../provisioning/provision.ts";
import { usernameColumns } from "../stores/look-alike.ts";
import { exportUsers, ZUserExportInput, type UserExportOptions } from "./export-users.ts";
import { ZUserListParams } from "./list-params.ts";
import { usersPageQuery } from "./queries.ts";

const ORG = "http://wso2.org/claims/organization";
const EMAIL = "http://wso2.org/claims/emailaddress";
const HOSTILE = ["=cmd|' /C calc'!A0", 'say "hi"', "two\nlines", "<script>alert(1)</script>", "+sum", "@at", "-minus"];
const NAMES = [...Array.from({ length: 23 }, (_, i) => `exp_${String(i).padStart(2, "0")}`), ...HOSTILE];

async function text(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

/** The cell a name becomes (csvCell's formula guard). */
const guarded = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
const csvRows = (csv: string) => parse(csv, { columns: true, record_delimiter: "\r\n", relax_quotes: false }) as Record<string, string>[];

describe.each(await databaseKinds())("exporting users on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let admin: Actor;
  let other: { tenantId: number; admin: Actor };
  let ldapId: number;

  const run = (input: Record<string, unknown>, options?: UserExportOptions) =>
    exportUsers(t.db, admin, ZUserExportInput.parse(input), options);
  /** What the Users page shows over all its pages for the same URL state, qualified. */
  const listed = async (input: Record<string, string>) => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await usersPageQuery.run(t.db, admin, ZUserListParams.parse({ ...input, size: "100", after }));
      seen.push(...page.rows.map((r) => qualifiedName(r.domain, r.username)));
      after = page.next ?? undefined;
    } while (after);
    return seen;
  };
  const exportedNames = async (input: Record<string, string>, batch = 4) =>
    csvRows(await text((await run({ ...input, format: "csv" }, { batch })).body)).map((r) => r.UserName);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    admin = await superAdminActor(t.db);
    other = await provisionTenant(t.db, admin, "export-other.example");
    const primary = await t.db.userStore.findFirstOrThrow({ where: { tenantId, domain: "PRIMARY" } });
    ldapId = (await t.db.userStore.create({ data: { tenantId, domain: "LDAP", kind: "secondary", readOnly: true } })).id;
    const creator = await t.db.role.findFirstOrThrow({ where: { tenantId, name: "creator" } });
    for (const [i, username] of NAMES.entries()) {
      await t.db.user.create({
        data: {
          tenantId,
          storeId: i % 3 === 2 && !HOSTILE.includes(username) ? ldapId : primary.id,
          ...usernameColumns(username),
          passwordHash: "$argon2id$secret-hash",
          ...(i % 2 === 0 ? { memberships: { create: { roleId: creator.id } } } : {}),
          claims: {
            create: [
              { claim: ORG, value: i % 4 === 0 ? "Acme Corp" : '=HYPERLINK("http://evil")' },
              { claim: EMAIL, value: `${i}@example.com` },
            ],
          },
        },
      });
    }
    const otherPrimary = await t.db.userStore.findFirstOrThrow({ where: { tenantId: other.tenantId, domain: "PRIMARY" } });
    await t.db.user.create({
      data: { tenantId: other.tenantId, storeId: otherPrimary.id, ...usernameColumns("exp_elsewhere"), passwordHash: "x" },
    });
  });
  afterAll(() => t.drop());

  it("writes the CSV header, qualified names, no password, roles joined with ':' and every claim", async () => {
    const file = await run({ format: "csv" }, { batch: 4 });
    expect(file.filename).toMatch(/^users-carbon\.super-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    const csv = await text(file.body);
    const header = csv.slice(0, csv.indexOf("\r\n"));
    expect(header.startsWith('"UserName","Password","Roles",')).toBe(true);
    expect(header).toContain(`"${EMAIL}"`);
    expect(header).not.toContain("http://wso2.org/claims/username");
    expect(csv).not.toContain("argon2id");
    const rows = csvRows(csv);
    const first = rows.find((r) => r.UserName === "exp_00")!;
    expect(first).toMatchObject({
      Password: "",
      Roles: "Internal/everyone:Internal/creator",
      [ORG]: "Acme Corp",
      [EMAIL]: "0@example.com",
    });
    expect(rows.find((r) => r.UserName === "LDAP/exp_02")).toMatchObject({ Roles: "Internal/everyone:Internal/creator" });
    expect(rows.find((r) => r.UserName === "exp_01")).toMatchObject({ Roles: "Internal/everyone", [ORG]: '\'=HYPERLINK("http://evil")' });
    expect(rows.find((r) => r.UserName === "admin")?.Roles?.split(":")).toContain("admin");
  });

  it("exports exactly what the list shows, over keyset batches, for every filter and order", async () => {
    const views: Record<string, string>[] = [
      {},
      { dir: "desc" },
      { sort: "domain" },
      { sort: "domain", dir: "desc" },
      { q: "exp_1" },
      { q: "exp_1*" },
      { domain: "LDAP" },
      { domain: "ldap", q: "0" },
      { claim: ORG, value: "acme*" },
      { claim: EMAIL, value: "*1*", domain: "PRIMARY" },
    ];
    for (const view of views) {
      const list = await listed(view);
      expect(list.length, JSON.stringify(view)).toBeGreaterThan(0);
      expect(await exportedNames(view, 3), JSON.stringify(view)).toEqual(list.map(guarded));
    }
    expect(await exportedNames({ domain: "NOSUCH" })).toEqual([]);
  });

  it("writes JSON lines: the qualified name, roles as a list and claims as an object", async () => {
    const file = await run({ format: "json", domain: "LDAP" }, { batch: 2 });
    expect(file.filename).toMatch(/\.jsonl$/);
    expect(file.contentType).toBe("application/x-ndjson; charset=utf-8");
    const lines = (await text(file.body)).trimEnd().split("\n");
    const users = lines.map((l) => JSON.parse(l) as { userName: string; roles: string[]; claims: Record<string, string> });
    expect(users.map((u) => u.userName)).toEqual(await listed({ domain: "LDAP" }));
    expect(users[0]).toEqual({
      userName: "LDAP/exp_02",
      roles: ["Internal/everyone", "Internal/creator"],
      claims: { [ORG]: '=HYPERLINK("http://evil")', [EMAIL]: "2@example.com" },
    });
    expect(Object.keys(users[0]!).sort()).toEqual(["claims", "roles", "userName"]);
  });

  it("keeps hostile names inert: formula cells get an apostrophe, quotes and line breaks stay inside the cell", async () => {
    const rows = csvRows(await text((await run({ format: "csv" }, { batch: 5 })).body));
    const names = rows.map((r) => r.UserName);
    expect(names).toContain("'=cmd|' /C calc'!A0");
    expect(names).toContain("'+sum");
    expect(names).toContain("'@at");
    expect(names).toContain("'-minus");
    expect(names).toContain('say "hi"');
    expect(names).toContain("two\nlines");
    expect(names).toContain("<script>alert(1)</script>");
    const json = await text((await run({ format: "json", q: "lines" })).body);
    expect(json.split("\n").filter(Boolean)).toHaveLength(1);
    expect(JSON.parse(json)).toMatchObject({ userName: "two\nlines" });
  });

  it("streams: a batch is read only when the reader asks for more, each batch one page of the list", async () => {
    const batches: number[] = [];
    const file = await run({ format: "csv" }, { batch: 2, onBatch: (n) => batches.push(n) });
    const reader = file.body.getReader();
    await reader.read(); // the header
    expect(batches.length).toBeLessThanOrEqual(1);
    await reader.read();
    await reader.read();
    expect(batches.length).toBeLessThanOrEqual(3);
    let chunks = 3;
    while (!(await reader.read()).done) chunks++;
    const total = (await listed({})).length;
    expect(batches.reduce((a, b) => a + b, 0)).toBe(total);
    expect(batches.every((n) => n <= 2)).toBe(true);
    expect(batches).toHaveLength(Math.ceil(total / 2));
    expect(chunks).toBe(batches.length + 1);
  });

  it("never shows another tenant's users, and each tenant's admin exports its own", async () => {
    expect(await exportedNames({ q: "exp_elsewhere" })).toEqual([]);
    const theirs = await text((await exportUsers(t.db, other.admin, ZUserExportInput.parse({ format: "json" }))).body);
    const names = theirs
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { userName: string }).userName);
    expect(names.sort()).toEqual(["admin", "exp_elsewhere"]);
  });

  it("records user.exported with the filter and the format", async () => {
    await run({ format: "json", domain: "LDAP", q: "" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { tenantId, action: "user.exported" }, orderBy: { id: "desc" } });
    expect(event.actorName).toBe(admin.displayName);
    expect(JSON.parse(event.after!)).toEqual({ format: "json", filter: { domain: "LDAP", sort: "username", dir: "asc" } });
  });

  it("errors the stream when a batch fails mid-export (as a database failure would), so the download does not look complete", async () => {
    const file = await exportUsers(t.db, admin, ZUserExportInput.parse({ format: "csv" }), {
      batch: 2,
      onBatch: () => {
        throw new Error("database gone");
      },
    });
    await expect(text(file.body)).rejects.toThrow("database gone");
  });
});
