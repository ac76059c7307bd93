import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, databaseKinds, type TestDatabase } from "../../testing/databases.ts";
import { bool, date, dateOrNull, int, readRows, text, textOrNull } from "./raw-read.ts";
import { sql } from "./sql.ts";

const HOSTILE = ['\'; DROP TABLE "Tenant"; --', "%_\\", "quote \" and ' both", "ünïcödé ß 🙂", "$1 ? :1", "\u0000".slice(1) + "x"];

describe.each(await databaseKinds())("readRows on %s", (kind) => {
  let t: TestDatabase;
  let tenantId: number;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    tenantId = (await t.db.tenant.create({ data: { domain: "raw.example" } })).id;
  });
  afterAll(() => t.drop());

  it("maps integers, booleans, text, nulls and dates the same way as Prisma reads them", async () => {
    const store = await t.db.userStore.create({
      data: { tenantId, domain: "RAW", kind: "secondary", readOnly: true, usernamePattern: null },
    });
    const [row] = await readRows(
      t.db,
      sql`SELECT s."id", s."readOnly", s."domain", s."usernamePattern", s."createdAt", COUNT(*) OVER () AS "n" FROM "UserStore" s WHERE s."id" = ${store.id}`,
      (r) => ({
        id: int(r.id),
        readOnly: bool(r.readOnly),
        domain: text(r.domain),
        pattern: textOrNull(r.usernamePattern),
        createdAt: date(r.createdAt),
        n: int(r.n),
      }),
    );
    expect(row).toEqual({ id: store.id, readOnly: true, domain: "RAW", pattern: null, createdAt: store.createdAt, n: 1 });
    expect(dateOrNull(null)).toBeNull();
  });

  it("binds hostile strings as values, never as SQL", async () => {
    for (const value of HOSTILE) {
      const [row] = await readRows(
        t.db,
        sql`SELECT ${value} AS "v", (SELECT COUNT(*) FROM "Tenant" WHERE "domain" = ${value}) AS "n"`,
        (r) => ({
          v: text(r.v),
          n: int(r.n),
        }),
      );
      expect(row).toEqual({ v: value, n: 0 });
    }
    expect(await t.db.tenant.count()).toBeGreaterThan(0);
  });

  it("binds booleans and dates as Prisma stores them", async () => {
    const created = await t.db.userStore.findFirstOrThrow({ where: { domain: "RAW" } });
    const rows = await readRows(
      t.db,
      sql`SELECT "id" FROM "UserStore" WHERE "readOnly" = ${true} AND "createdAt" = ${created.createdAt}`,
      (r) => int(r.id),
    );
    expect(rows).toEqual([created.id]);
  });

  it("reads inside a transaction through the transaction, and outside it only what is committed", async () => {
    const result = await t.db.$transaction(async (tx) => {
      await tx.tenant.create({ data: { domain: "uncommitted.example" } });
      const inside = await readRows(tx, sql`SELECT "domain" FROM "Tenant" WHERE "domain" = ${"uncommitted.example"}`, (r) =>
        text(r.domain),
      );
      return { inside };
    });
    expect(result.inside).toEqual(["uncommitted.example"]);

    let outside: Promise<string[]> | undefined;
    await t.db
      .$transaction(async (tx) => {
        await tx.tenant.create({ data: { domain: "rolled-back.example" } });
        outside = readRows(t.db, sql`SELECT "domain" FROM "Tenant" WHERE "domain" = ${"rolled-back.example"}`, (r) => text(r.domain));
        // On PostgreSQL the outside read answers now; on SQLite it waits for the transaction.
        if (kind === "postgres") expect(await outside).toEqual([]);
        throw new Error("roll back");
      })
      .catch((error: Error) => expect(error.message).toBe("roll back"));
    expect(await outside).toEqual([]);
  });

  it("refuses a write on the direct path", async () => {
    await expect(readRows(t.db, sql`DELETE FROM "Tenant" WHERE "id" = ${-1} RETURNING "id"`, (r) => r)).rejects.toThrow();
  });
});
