// The editable SCIM dialect (issue #16) on both databases: a tenant remaps a SCIM attribute to a
// custom claim, and filters, resources and bodies follow at once; other tenants keep WSO2's default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../../testing/config.ts";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { provisionTenant, runCommand, superAdminActor } from "../../testing/tenants.ts";
import type { Actor } from "../authz/principal.ts";
import { decide } from "../authz/decide.ts";
import { addClaimCommand, deleteClaimCommand } from "../claims/commands.ts";
import { provision } from "../provisioning/provision.ts";
import { CORE_USER } from "./attribute-map.ts";
import { EXTERNAL_CLAIMS, loadScimDialect } from "./dialect.ts";
import { editScimDialectCommand, scimDialectPageQuery, ZEditScimDialectForm } from "./dialect-commands.ts";
import { scimUsersQuery } from "./queries.ts";
import { newUserFromBody } from "./user-body.ts";

const config = testConfig();
(globalThis as { gatehouseConfig?: unknown }).gatehouseConfig = config;
const NICK = `${CORE_USER}:nickName`;
const ALIAS = "http://wso2.org/claims/alias";
const DEFAULT_NICK = "http://wso2.org/claims/nickname";
const SPARE = "http://wso2.org/claims/spare";
const TITLE = `${CORE_USER}:title`;

describe.each(await databaseKinds())("SCIM dialect on %s", (kind) => {
  let t: TestDatabase;
  let a: { tenantId: number; admin: Actor };
  let b: { tenantId: number; admin: Actor };
  let userId: number;
  const page = (actor: Actor) => runCommand(scimDialectPageQuery, t.db, actor, {});
  const save = async (actor: Actor, claims: Record<string, string>) => {
    const { seen } = await page(actor);
    return runCommand(editScimDialectCommand, t.db, actor, {
      seen,
      mappings: Object.entries(claims).map(([attribute, claim]) => ({ attribute, claim })),
    });
  };
  const list = (actor: Actor, filter?: string) =>
    runCommand(scimUsersQuery, t.db, actor, { base: "http://x/scim2", filter, startIndex: 1, count: 10 });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, config);
    const superAdmin = await superAdminActor(t.db);
    a = await provisionTenant(t.db, superAdmin, "dialect-a.example");
    b = await provisionTenant(t.db, superAdmin, "dialect-b.example");
    for (const x of [a, b]) await runCommand(addClaimCommand, t.db, x.admin, { uri: ALIAS, displayName: "Alias", attributes: [] });
    await runCommand(addClaimCommand, t.db, a.admin, { uri: SPARE, displayName: "Spare", attributes: [] });
    userId = a.admin.userId;
    await t.db.userClaim.createMany({
      data: [
        { userId, claim: ALIAS, value: "Ace" },
        { userId, claim: DEFAULT_NICK, value: "Old" },
        { userId: b.admin.userId, claim: ALIAS, value: "Ace" },
      ],
    });
  });
  afterAll(() => t.drop());

  it("starts at WSO2's default mapping for every attribute", async () => {
    const { rows } = await page(a.admin);
    expect(rows).toHaveLength(EXTERNAL_CLAIMS.length);
    expect(rows.find((r) => r.uri === NICK)).toMatchObject({ claim: DEFAULT_NICK, defaultClaim: DEFAULT_NICK });
    expect(rows.find((r) => r.uri === `${CORE_USER}:emails.work`)?.claim).toBe("http://wso2.org/claims/emails.work");
  });

  it("a remapped attribute is read, filtered and written through the new claim, in that tenant only, audited", async () => {
    expect(await save(a.admin, { [NICK]: ALIAS })).toEqual({ changed: 1 });
    const found = await list(a.admin, 'nickName eq "ace"');
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0]).toMatchObject({ id: String(userId), nickName: "Ace" });
    expect((await list(a.admin, 'nickName eq "Old"')).totalResults).toBe(0);
    // Tenant B still maps nickName to WSO2's default claim.
    expect((await list(b.admin, 'nickName eq "ace"')).totalResults).toBe(0);
    const body = { schemas: [CORE_USER], userName: "x", password: "Dialect-password-1", nickName: "Zed" };
    expect(newUserFromBody(body, await loadScimDialect(t.db, a.tenantId)).claims).toEqual({ [ALIAS]: "Zed" });
    expect(newUserFromBody(body, await loadScimDialect(t.db, b.tenantId)).claims).toEqual({ [DEFAULT_NICK]: "Zed" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { tenantId: a.tenantId, action: "claim.scim_mapping_changed" } });
    expect(JSON.parse(String(event.before))).toEqual({ [NICK]: DEFAULT_NICK });
    expect(JSON.parse(String(event.after))).toEqual({ [NICK]: ALIAS });
  });

  it("refuses a claim mapped twice, a claim the tenant lacks and an attribute it does not know; writes nothing", async () => {
    const before = await t.db.scimClaimMapping.findMany({ where: { tenantId: a.tenantId } });
    await expect(save(a.admin, { [TITLE]: ALIAS })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("map each claim once"),
    });
    await expect(save(a.admin, { [NICK]: "http://wso2.org/claims/nope" })).rejects.toMatchObject({
      message: expect.stringContaining("No such local claim"),
    });
    await expect(save(a.admin, { [`${CORE_USER}:password`]: ALIAS })).rejects.toMatchObject({
      message: expect.stringContaining("Not SCIM attributes"),
    });
    expect(await t.db.scimClaimMapping.findMany({ where: { tenantId: a.tenantId } })).toEqual(before);
  });

  it("a second admin's save from an older page is refused, not merged over the first", async () => {
    const { seen } = await page(a.admin);
    await save(a.admin, { [TITLE]: SPARE });
    await expect(
      runCommand(editScimDialectCommand, t.db, a.admin, { seen, mappings: [{ attribute: NICK, claim: DEFAULT_NICK }] }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
  });

  it("keeps only edits away from the default: mapping back removes the row", async () => {
    await save(a.admin, { [TITLE]: "http://wso2.org/claims/title" });
    expect((await t.db.scimClaimMapping.findMany({ where: { tenantId: a.tenantId } })).map((m) => m.attribute)).toEqual([NICK]);
  });

  it("a claim a SCIM attribute maps to cannot be deleted until it is remapped", async () => {
    const claim = await t.db.claim.findFirstOrThrow({ where: { tenantId: a.tenantId, uri: ALIAS } });
    await expect(
      runCommand(deleteClaimCommand, t.db, a.admin, { id: claim.id, version: claim.version, confirmValues: 1 }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(NICK),
    });
    await save(a.admin, { [NICK]: DEFAULT_NICK });
    await runCommand(deleteClaimCommand, t.db, a.admin, { id: claim.id, version: claim.version, confirmValues: 1 });
    expect(await t.db.claim.count({ where: { id: claim.id } })).toBe(0);
  });

  it("the form's repeated fields become the mappings; viewers may read the page but not save", () => {
    const parsed = ZEditScimDialectForm.parse({
      seen: "[]",
      attribute: [NICK, `${CORE_USER}:title`],
      claim: [ALIAS, "http://wso2.org/claims/title"],
    });
    expect(parsed.mappings).toEqual([
      { attribute: NICK, claim: ALIAS },
      { attribute: `${CORE_USER}:title`, claim: "http://wso2.org/claims/title" },
    ]);
    expect(ZEditScimDialectForm.safeParse({ seen: "[]", attribute: [NICK], claim: [""] }).success).toBe(false);
    const viewer = { ...a.admin, permissions: ["/permission/admin/login", "/permission/admin/configure/security"] };
    expect(decide(viewer as Actor, "claims.view").allowed).toBe(true);
  });
});
