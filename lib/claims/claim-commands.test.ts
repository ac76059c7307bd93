import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { seedUser, superTenantId } from "../../testing/seed.ts";
import { provisionTenant, runCommand, superAdminActor } from "../../testing/tenants.ts";
import { actorFor } from "../../testing/actor.ts";
import { CLAIMS, coveredBy } from "../../testing/isolation-coverage.ts";
import type { Actor } from "../authz/principal.ts";
import { decide } from "../authz/decide.ts";
import { provision } from "../provisioning/provision.ts";
import { BUILTIN_CLAIMS, ensureBuiltinClaims } from "./builtin-claims.ts";
import { addClaimCommand, deleteClaimCommand, editClaimCommand } from "./commands.ts";
import { ZAddClaimForm } from "./claim-input.ts";
import { deleteClaimPageQuery, editClaimPageQuery, claimsPageQuery } from "./queries.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const DEPT = "http://wso2.org/claims/businessUnit";

const fields = { displayName: "Department", description: "Where they work", regEx: "^[A-Z]{2,}$", displayOrder: 30 };

describe.each(await databaseKinds())("claims on %s", (kind) => {
  let t: TestDatabase;
  let superAdmin: Actor;
  let a: { tenantId: number; admin: Actor };
  let b: { tenantId: number; admin: Actor };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    superAdmin = await superAdminActor(t.db);
    a = await provisionTenant(t.db, superAdmin, "claims-a.example");
    b = await provisionTenant(t.db, superAdmin, "claims-b.example");
  });
  afterAll(() => t.drop());

  it("provisions the built-in claims for the super tenant and new tenants, once", async () => {
    for (const tenantId of [superAdmin.tenantId, a.tenantId, b.tenantId]) {
      expect(await t.db.claim.count({ where: { tenantId, builtIn: true } })).toBe(BUILTIN_CLAIMS.length);
    }
    const created: string[] = [];
    await provision(t.db, config);
    await t.db.$transaction((tx) => ensureBuiltinClaims(tx, [a.tenantId, b.tenantId], created));
    expect(created).toEqual([]);
    // A tenant from before migration 0015 (no claims at all) gets them at the next start.
    await t.db.claim.deleteMany({ where: { tenantId: b.tenantId } });
    const report = await provision(t.db, config);
    expect(report.created).toContain(`${BUILTIN_CLAIMS.length} built-in claims for tenant ${b.tenantId}`);
    expect(await t.db.claim.count({ where: { tenantId: b.tenantId } })).toBe(BUILTIN_CLAIMS.length);
  });

  it("a tenant with an older set of built-ins gets the new ones at the next start; a claim an admin made first stays theirs", async () => {
    // A database from before the SCIM mapping's claims were built-ins: only the first fifteen, and
    // an admin's own emails.work (as admins added them so SCIM could write it).
    const older = BUILTIN_CLAIMS.filter((c) => c.displayOrder >= 30).map((c) => c.uri);
    await t.db.claim.deleteMany({ where: { tenantId: a.tenantId, uri: { in: older } } });
    const work = "http://wso2.org/claims/emails.work";
    await t.db.claim.create({ data: { tenantId: a.tenantId, uri: work, displayName: "Work mail", supportedByDefault: true } });
    const report = await provision(t.db, config);
    expect(report.created).toContain(`${older.length - 1} built-in claims for tenant ${a.tenantId}`);
    expect(await t.db.claim.count({ where: { tenantId: a.tenantId, builtIn: true } })).toBe(BUILTIN_CLAIMS.length - 1);
    const added = await t.db.claim.findFirstOrThrow({ where: { tenantId: a.tenantId, uri: "http://wso2.org/claims/nickname" } });
    expect(added).toMatchObject({ builtIn: true, displayName: "Nick Name", supportedByDefault: false, readOnly: false });
    expect(await t.db.claim.findFirstOrThrow({ where: { tenantId: a.tenantId, uri: work } })).toMatchObject({
      builtIn: false,
      displayName: "Work mail",
    });
    expect((await provision(t.db, config)).created.filter((c) => c.includes("built-in"))).toEqual([]);
  });

  it("a start with more tenants than SQLite takes parameters fills in the claims of those that lack them", async () => {
    // The bench's 1,000 tenants once stopped start-up: the check sent every tenant id as a parameter.
    const domains = Array.from({ length: 1_100 }, (_, i) => `many-${i}.example`);
    await t.db.tenant.createMany({ data: domains.map((domain) => ({ domain })) });
    const many = await t.db.tenant.findMany({ where: { domain: { startsWith: "many-" } }, select: { id: true } });
    const [first, last] = [many[0]!.id, many.at(-1)!.id];
    // All but those two get the super tenant's built-ins in one statement: the start must still
    // read all 1,100 tenants' claims at once, without writing 40,000 rows one tenant at a time.
    await t.db.$executeRaw`INSERT INTO "Claim" ("tenantId", "uri", "displayName", "description", "regEx", "required", "readOnly",
      "supportedByDefault", "displayOrder", "builtIn", "updatedAt")
      SELECT m."id", c."uri", c."displayName", c."description", c."regEx", c."required", c."readOnly",
        c."supportedByDefault", c."displayOrder", c."builtIn", c."updatedAt"
      FROM "Tenant" m JOIN "Claim" c ON c."tenantId" = ${await superTenantId(t.db)} AND c."builtIn" = TRUE
      WHERE m."domain" LIKE 'many-%' AND m."id" NOT IN (${first}, ${last})`;
    const report = await provision(t.db, config);
    expect(report.created).toContain(`${BUILTIN_CLAIMS.length} built-in claims for tenant ${last}`);
    for (const tenantId of [first, last])
      expect(await t.db.claim.count({ where: { tenantId, builtIn: true } })).toBe(BUILTIN_CLAIMS.length);
    await t.db.tenant.deleteMany({ where: { domain: { startsWith: "many-" } } });
  });

  it("adds, edits and deletes a custom claim with its store attributes, audited", async () => {
    const primary = await t.db.userStore.findFirstOrThrow({ where: { tenantId: a.tenantId, domain: "PRIMARY" } });
    const form = ZAddClaimForm.parse({
      uri: DEPT,
      ...fields,
      required: "on",
      storeId: [String(primary.id)],
      attribute: ["departmentNumber"],
    });
    const { id } = await runCommand(addClaimCommand, t.db, a.admin, form);
    const { claim } = await runCommand(editClaimPageQuery, t.db, a.admin, { id });
    expect(claim).toMatchObject({ uri: DEPT, required: true, readOnly: false, builtIn: false, version: 1 });
    expect(claim.attributes).toEqual([{ storeId: primary.id, attribute: "departmentNumber", store: { domain: "PRIMARY" } }]);

    await expect(runCommand(addClaimCommand, t.db, a.admin, { uri: DEPT, ...fields })).rejects.toMatchObject({ code: "CONFLICT" });
    await runCommand(editClaimCommand, t.db, a.admin, { id, version: 1, ...fields, displayName: "Dept", attributes: [] });
    // A second admin who opened version 1 is refused, not silently overwritten.
    await expect(runCommand(editClaimCommand, t.db, a.admin, { id, version: 1, ...fields })).rejects.toMatchObject({
      code: "STALE_VERSION",
    });
    const edited = (await runCommand(editClaimPageQuery, t.db, a.admin, { id })).claim;
    expect(edited).toMatchObject({ displayName: "Dept", version: 2, attributes: [] });

    await runCommand(deleteClaimCommand, t.db, a.admin, { id, version: 2 });
    expect(await t.db.claim.count({ where: { id } })).toBe(0);
    const actions = await t.db.auditEvent.findMany({ where: { tenantId: a.tenantId, targetType: "claim" }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["claim.added", "claim.edited", "claim.deleted"]);
  });

  it("refuses bad input: another dialect, a regex that does not compile, a store of another tenant", async () => {
    const bad = (input: object) => addClaimCommand.input.safeParse({ ...fields, uri: DEPT, ...input }).success;
    expect(bad({ uri: "urn:ietf:params:scim:schemas:core:2.0:User:title" })).toBe(false);
    expect(bad({ regEx: "([a-z" })).toBe(false);
    expect(bad({})).toBe(true);
    const bStore = await t.db.userStore.findFirstOrThrow({ where: { tenantId: b.tenantId, domain: "PRIMARY" } });
    const input = { uri: `${DEPT}2`, ...fields, attributes: [{ storeId: bStore.id, attribute: "x" }] };
    await expect(runCommand(addClaimCommand, t.db, a.admin, input)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("deletes a claim users hold values for only with the confirmed count; built-ins never", async () => {
    const { id } = await runCommand(addClaimCommand, t.db, a.admin, { uri: `${DEPT}3`, ...fields });
    const users = await t.db.user.findMany({ where: { tenantId: a.tenantId }, take: 1 });
    await t.db.userClaim.create({ data: { userId: users[0]!.id, claim: `${DEPT}3`, value: "OPS" } });
    // Tenant B's user holding the same URI is not counted, and keeps the value.
    const bUser = await t.db.user.findFirstOrThrow({ where: { tenantId: b.tenantId } });
    await t.db.userClaim.create({ data: { userId: bUser.id, claim: `${DEPT}3`, value: "B" } });
    expect((await runCommand(deleteClaimPageQuery, t.db, a.admin, { id })).values).toBe(1);
    await expect(runCommand(deleteClaimCommand, t.db, a.admin, { id, version: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Confirm deleting 1 value"),
    });
    await expect(runCommand(deleteClaimCommand, t.db, a.admin, { id, version: 1, confirmValues: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await runCommand(deleteClaimCommand, t.db, a.admin, { id, version: 1, confirmValues: 1 })).toEqual({
      uri: `${DEPT}3`,
      values: 1,
    });
    expect(await t.db.userClaim.count({ where: { claim: `${DEPT}3` } })).toBe(1);

    const email = await t.db.claim.findFirstOrThrow({ where: { tenantId: a.tenantId, uri: "http://wso2.org/claims/emailaddress" } });
    await expect(runCommand(deleteClaimCommand, t.db, a.admin, { id: email.id, version: email.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lists a page sorted and searched in the database", async () => {
    const page = await runCommand(claimsPageQuery, t.db, a.admin, { sort: "uri", dir: "desc", size: "10", q: "wso2.org/claims/identity" });
    expect(page.rows.map((r) => r.uri)).toEqual([
      "http://wso2.org/claims/identity/lastLoginTime",
      "http://wso2.org/claims/identity/accountLocked",
      "http://wso2.org/claims/identity/accountDisabled",
    ]);
    const first = await runCommand(claimsPageQuery, t.db, a.admin, { size: "10" });
    expect(first.hasNext).toBe(true);
    expect(first.rows[0]!.uri).toBe("http://wso2.org/claims/username");
  });

  it("is gated by Configure > Security", async () => {
    const plain = await actorFor(t.db, (await seedUser(t.db, { grants: ["/permission/admin/login"] })).id);
    expect(decide(plain, "claims.manage").allowed).toBe(false);
    const security = await actorFor(t.db, (await seedUser(t.db, { grants: ["/permission/admin/configure/security"] })).id);
    expect(decide(security, "claims.manage").allowed).toBe(true);
    expect(decide(security, "claims.view").allowed).toBe(true);
  });

  it("isolates tenants: B's claim by id answers as a missing one, and B's rows never list", async () => {
    const bClaim = await t.db.claim.findFirstOrThrow({ where: { tenantId: b.tenantId, builtIn: false } }).catch(async () => {
      const { id } = await runCommand(addClaimCommand, t.db, b.admin, { uri: `${DEPT}-b`, ...fields });
      return t.db.claim.findUniqueOrThrow({ where: { id } });
    });
    const answer = async (attempt: Promise<unknown>) =>
      attempt.then(
        () => "ok",
        (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
      );
    for (const [command, input] of [
      [editClaimPageQuery, (id: number) => ({ id })],
      [deleteClaimPageQuery, (id: number) => ({ id })],
      [editClaimCommand, (id: number) => ({ id, version: bClaim.version, ...fields })],
      [deleteClaimCommand, (id: number) => ({ id, version: bClaim.version, confirmValues: 0 })],
    ] as const) {
      const theirs = await answer(runCommand(command as never, t.db, a.admin, input(bClaim.id)));
      expect(theirs).toBe(await answer(runCommand(command as never, t.db, a.admin, input(987_654))));
      expect(theirs).toBe("NOT_FOUND: No such claim.");
    }
    // The same URI in A is A's own claim; A's list never shows B's.
    await runCommand(addClaimCommand, t.db, a.admin, { uri: bClaim.uri, ...fields });
    const listed = await runCommand(claimsPageQuery, t.db, a.admin, { size: "100", q: bClaim.uri });
    expect(listed.rows.map((r) => r.id)).not.toContain(bClaim.id);
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: bClaim.id } })).toMatchObject({ displayName: bClaim.displayName });
  });

  it("covers the pages and actions the isolation inventory assigns to it", () => {
    // The list (claimsPageQuery), edit (editClaimPageQuery + editClaimCommand), delete (deleteClaimPageQuery + deleteClaimCommand).
    expect(coveredBy(CLAIMS)).toEqual([
      "app/(console)/settings/claims/[id]/delete/page.tsx",
      "app/(console)/settings/claims/[id]/page.tsx",
      "app/(console)/settings/claims/actions.ts#deleteClaimAction",
      "app/(console)/settings/claims/actions.ts#editClaimAction",
      "app/(console)/settings/claims/page.tsx",
    ]);
  });
});
