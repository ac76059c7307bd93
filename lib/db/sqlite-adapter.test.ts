import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/databases.ts";

describe("the serialized SQLite adapter", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterAll(() => t.drop());

  it("keeps other queries out of an open transaction: they neither see its rows nor join its rollback", async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // Wrapped in an object: resolving with a bare promise would wait for that promise.
    let issue!: (outside: { queries: Promise<unknown> }) => void;
    const issued = new Promise<{ queries: Promise<unknown> }>((resolve) => (issue = resolve));
    const transaction = t.db
      .$transaction(
        async (tx) => {
          await tx.tenant.create({ data: { domain: "uncommitted.example" } });
          entered();
          // Give the outside queries every chance to run now; correctly, they cannot until we end.
          await Promise.race([(await issued).queries, delay(1000)]);
          throw new Error("roll back");
        },
        { timeout: 10_000 },
      )
      .catch((error: Error) => error.message);
    await inside;
    const outsideRead = t.db.tenant.findMany().then((rows) => rows.map((r) => r.domain));
    const outsideWrite = t.db.tenant.create({ data: { domain: "committed.example" } });
    issue({ queries: Promise.all([outsideRead, outsideWrite]) });

    expect(await transaction).toBe("roll back");
    expect(await outsideRead).not.toContain("uncommitted.example");
    await outsideWrite;
    const domains = (await t.db.tenant.findMany()).map((r) => r.domain);
    expect(domains).toContain("committed.example");
    expect(domains).not.toContain("uncommitted.example");
  });
});
