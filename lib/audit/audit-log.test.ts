import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { superTenantId } from "../../testing/seed.ts";
import { EXACT_COUNT_LIMIT, estimateCount } from "../db/estimate-count.ts";
import { providerOf } from "../db/provider.ts";
import { sql } from "../db/sql.ts";
import { provision } from "../provisioning/provision.ts";
import { testConfig } from "../../testing/config.ts";
import { auditWhere, ZAuditFilter, type TAuditFilter } from "./audit-filter.ts";
import { EXPORT_BATCH, streamAuditExport } from "./export-audit.ts";
import { listAuditEvents, type AuditRow } from "./list-audit.ts";
import { recordAudit, SYSTEM_ACTOR } from "./record.ts";

const ACTORS = ["alice", "bob", "=HYPERLINK(evil)", "carol_1", "dave"];
const ACTIONS = ["user.created", "user.roles_changed", "role.renamed", "auth.sign_in_failed"] as const;
const BASE = Date.UTC(2026, 10, 1, 12); // 1 Nov 2026 12:00 UTC
const COUNT = EXPORT_BATCH * 2 + 137; // crosses two export batches

type Seeded = { at: Date; actorName: string; action: string; targetName: string; outcome: string; after: string };

/** Event i: one an hour apart, except every tenth shares the previous one's millisecond (ties break by id). */
function eventOf(i: number): Seeded {
  const hour = i - Math.floor(i / 10);
  const action = ACTIONS[i % ACTIONS.length]!;
  return {
    at: new Date(BASE + hour * 3_600_000),
    actorName: ACTORS[i % ACTORS.length]!,
    action,
    targetName: `target-${i % 7}`,
    outcome: action === "auth.sign_in_failed" ? "failure" : "success",
    after: JSON.stringify({ roles: [`r${i % 3}`], note: i % 50 === 0 ? "100% sure_x" : "plain" }),
  };
}

const filterOf = (f: Partial<TAuditFilter>) => ZAuditFilter.parse(f);

describe.each(await databaseKinds())("the audit log on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  let otherTenantId: number;
  let seeded: (Seeded & { id: number })[];

  /** What the filter must return, newest first, computed from the seed in JS. */
  const expected = (keep: (e: Seeded) => boolean) =>
    seeded
      .filter(keep)
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
      .map((e) => e.id);

  async function walk(filter: TAuditFilter, size: number): Promise<{ ids: number[]; pages: AuditRow[][] }> {
    const pages: AuditRow[][] = [];
    let after: string | undefined;
    do {
      const page = await listAuditEvents(t.db, tenantId, filter, { size, after });
      pages.push(page.rows);
      after = page.next ?? undefined;
    } while (after);
    return { ids: pages.flat().map((e) => e.id), pages };
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await provision(t.db, testConfig());
    tenantId = await superTenantId(t.db);
    await t.db.auditEvent.deleteMany({});
    const other = await t.db.tenant.create({ data: { domain: "other.example" } });
    otherTenantId = other.id;
    const events = Array.from({ length: COUNT }, (_, i) => eventOf(i));
    await t.db.auditEvent.createMany({ data: events.map((e) => ({ ...e, tenantId, targetType: "user" })) });
    // Another tenant's events with the same names: no filter may ever show them.
    await t.db.auditEvent.createMany({ data: events.slice(0, 50).map((e) => ({ ...e, tenantId: other.id, targetType: "user" })) });
    const rows = await t.db.auditEvent.findMany({ where: { tenantId }, select: { id: true }, orderBy: { id: "asc" } });
    seeded = events.map((e, i) => ({ ...e, id: rows[i]!.id }));
  });
  afterAll(() => t.drop());

  it("pages by keyset through every event, newest first, with ties broken by id, and back again", async () => {
    const { ids, pages } = await walk(filterOf({}), 100);
    expect(ids).toEqual(expected(() => true));
    // Back from the last page with `before` gives the same pages in reverse.
    let before: string | undefined = (await listAuditEvents(t.db, tenantId, filterOf({}), { size: 100, after: undefined })).next!;
    const second = await listAuditEvents(t.db, tenantId, filterOf({}), { size: 100, after: before });
    before = second.prev!;
    const back = await listAuditEvents(t.db, tenantId, filterOf({}), { size: 100, before });
    expect(back.rows.map((e) => e.id)).toEqual(pages[0]!.map((e) => e.id));
    expect(back.prev).toBeNull();
  });

  it("filters by actor, target, action, category, outcome and days, each alone and together", async () => {
    const cases: [Partial<TAuditFilter>, (e: Seeded) => boolean][] = [
      [{ actor: "bob" }, (e) => e.actorName === "bob"],
      [{ target: "target-3" }, (e) => e.targetName === "target-3"],
      [{ action: "role.renamed" }, (e) => e.action === "role.renamed"],
      [{ action: "user." }, (e) => e.action.startsWith("user.")],
      [{ outcome: "failure" }, (e) => e.outcome === "failure"],
      [{ actor: "alice", action: "user." }, (e) => e.actorName === "alice" && e.action.startsWith("user.")],
      [
        { since: "2026-11-03", until: "2026-11-04" },
        (e) => e.at.getTime() >= Date.UTC(2026, 10, 3) && e.at.getTime() < Date.UTC(2026, 10, 5),
      ],
      // Days in the reader's zone: UTC+2 (getTimezoneOffset -120) starts its day two hours earlier.
      [
        { since: "2026-11-03", until: "2026-11-03", tz: -120 },
        (e) => e.at.getTime() >= Date.UTC(2026, 10, 2, 22) && e.at.getTime() < Date.UTC(2026, 10, 3, 22),
      ],
      [
        { target: "target-3", outcome: "success", since: "2026-11-10" },
        (e) => e.targetName === "target-3" && e.outcome === "success" && e.at.getTime() >= Date.UTC(2026, 10, 10),
      ],
    ];
    for (const [filter, keep] of cases) {
      const want = expected(keep);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect((await walk(filterOf(filter), 50)).ids, JSON.stringify(filter)).toEqual(want);
    }
  });

  it("searches text anywhere, case-insensitively, with % and _ taken literally", async () => {
    expect((await walk(filterOf({ q: "HYPERLINK" }), 100)).ids).toEqual(expected((e) => e.actorName.includes("HYPERLINK")));
    expect((await walk(filterOf({ q: "100% SURE_x" }), 100)).ids).toEqual(expected((e) => e.after.includes("100% sure_x")));
    expect((await walk(filterOf({ q: "carol_" }), 100)).ids).toEqual(expected((e) => e.actorName === "carol_1"));
    expect((await walk(filterOf({ q: "100_ sure" }), 100)).ids).toEqual([]);
  });

  it("a text search reads a bounded window per page, and Next goes on past windows without matches", async () => {
    const filter = filterOf({ q: "100% sure" });
    const want = expected((e) => e.after.includes("100% sure_x"));
    const ids: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEvents(t.db, tenantId, filter, { size: 10, after, scanWindow: 100 });
      ids.push(...page.rows.map((e) => e.id));
      after = page.next ?? undefined;
      pages++;
    } while (after && pages < 100);
    // Matches are one in fifty events: windows of 100 find about two each, some pages hold none.
    expect(ids).toEqual(want);
    expect(pages).toBeGreaterThanOrEqual(Math.floor(COUNT / 100));
  });

  it("drops malformed filters instead of failing, and a tampered cursor opens the first page", async () => {
    const f = ZAuditFilter.parse({
      action: "nope",
      outcome: "maybe",
      since: "yesterday",
      tz: "9999",
      actor: "x".repeat(300),
      q: "a\u0000",
    });
    expect(f).toMatchObject({ action: undefined, outcome: undefined, since: undefined, tz: 0, actor: undefined, q: undefined });
    const first = await listAuditEvents(t.db, tenantId, f, { size: 10 });
    const tampered = Buffer.from(JSON.stringify(["not a date", 5])).toString("base64url");
    expect((await listAuditEvents(t.db, tenantId, f, { size: 10, after: tampered })).rows).toEqual(first.rows);
  });

  it("exports exactly the filtered view as CSV and JSON, in batches, with formula cells defused", async () => {
    const filter = filterOf({ action: "user." });
    const want = expected((e) => e.action.startsWith("user."));
    expect(want.length).toBeGreaterThan(EXPORT_BATCH);
    const csv = await new Response(streamAuditExport(t.db, tenantId, filter, "csv").body).text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,actor,action,outcome,targetType,target,ip,before,after");
    expect(lines.length - 1).toBe(want.length);
    const byId = new Map(seeded.map((e) => [e.id, e]));
    expect(lines[1]).toContain(`"${byId.get(want[0]!)!.at.toISOString()}"`);
    // The formula-looking actor is written as text, never as a formula.
    const evil = lines.filter((l) => l.includes("HYPERLINK"));
    expect(evil.length).toBeGreaterThan(0);
    for (const line of evil) expect(line).toContain(`"'=HYPERLINK(evil)"`);
    const json = JSON.parse(await new Response(streamAuditExport(t.db, tenantId, filter, "json").body).text()) as {
      time: string;
      actor: string;
      after: unknown;
    }[];
    expect(json.map((e) => e.time)).toEqual(want.map((id) => byId.get(id)!.at.toISOString()));
    expect(json[0]!.after).toEqual(JSON.parse(byId.get(want[0]!)!.after));
    const none = await new Response(streamAuditExport(t.db, tenantId, filterOf({ actor: "nobody" }), "json").body).text();
    expect(JSON.parse(none)).toEqual([]);
  });

  it("counts a small view exactly and estimates a large one from the statistics only while no other tenant has events", async () => {
    const where = (f: Partial<TAuditFilter>) => sql`"AuditEvent" WHERE ${auditWhere(tenantId, filterOf(f))}`;
    const scope = { table: "AuditEvent", tenantId } as const;
    expect(await estimateCount(t.db, where({ actor: "bob" }), scope)).toEqual({
      count: expected((e) => e.actorName === "bob").length,
      kind: "exact",
    });
    expect(await estimateCount(t.db, where({ actor: "nobody" }), scope)).toEqual({ count: 0, kind: "exact" });
    const stat = { index: "AuditEvent_tenantId_at_id_idx", equalColumns: 1 };
    const analyze = () => t.db.$executeRawUnsafe(providerOf(t.db) === "postgres" ? `ANALYZE "AuditEvent"` : "ANALYZE");
    await analyze();
    // The statistics count the other tenant's 50 events too: no figure from them while it has any.
    expect(await estimateCount(t.db, where({}), scope, stat)).toEqual({ count: EXACT_COUNT_LIMIT, kind: "over" });
    await t.db.auditEvent.deleteMany({ where: { tenantId: otherTenantId } });
    await analyze();
    const all = await estimateCount(t.db, where({}), scope, stat);
    expect(all.kind).toBe("about");
    expect(all.count).toBeGreaterThan(COUNT * 0.5);
    expect(all.count).toBeLessThan(COUNT * 2);
    // Where SQLite keeps no figure for the filter it says "more than 1,000"; PostgreSQL's planner always estimates.
    const ranged = await estimateCount(t.db, where({ since: "2026-11-01" }), scope);
    expect(ranged.kind).toBe(kind === "postgres" ? "about" : "over");
  });

  it("records the outcome: failed sign-ins and failed store tests are failures", async () => {
    await t.db.$transaction(async (tx) => {
      await recordAudit(tx, { tenantId, actor: SYSTEM_ACTOR, action: "auth.sign_in_failed", target: { type: "user", name: "zed" } });
      await recordAudit(tx, {
        tenantId,
        actor: SYSTEM_ACTOR,
        action: "store.tested",
        target: { type: "userStore", name: "LDAP1" },
        after: { ok: false },
      });
      await recordAudit(tx, {
        tenantId,
        actor: SYSTEM_ACTOR,
        action: "store.tested",
        target: { type: "userStore", name: "LDAP2" },
        after: { ok: true },
      });
    });
    const rows = await t.db.auditEvent.findMany({
      where: { tenantId, targetName: { in: ["zed", "LDAP1", "LDAP2"] } },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.outcome)).toEqual(["failure", "failure", "success"]);
  });
});
