/**
 * The REST isolation matrix's runner, shared by app/tenant-isolation-*.test.ts: for each row, B's
 * object and a missing one must get the same answer (and, where the route takes WSO2's /t/{tenant}/
 * address, naming B must be refused as naming no tenant), B must be unchanged after it, and A's
 * lists must hold none of B's names. The file must cover exactly the keys testing/isolation-coverage.ts gives it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "./databases.ts";
import { coveredBy } from "./isolation-coverage.ts";
import { isolationWorld, tenantSnapshot, told, type IsolationWorld } from "./isolation-world.ts";

/** One call: `target` is B's object (id, name, token) or a missing one; `pathTenant` the tenant an address names. */
export type Call = (w: IsolationWorld, target: string, pathTenant?: string) => Promise<Response>;
export type Row = { key: string; call: Call; b: (w: IsolationWorld) => string; missing: string; tenantPath?: boolean };

export async function isolationMatrix(
  title: string,
  file: string,
  rows: Row[],
  lists: [string, Call][],
  more: (world: () => IsolationWorld) => void = () => {},
): Promise<void> {
  describe.each(await databaseKinds())(`${title} on %s`, (kind) => {
    let w: IsolationWorld;
    let before: unknown;
    beforeAll(async () => {
      w = await isolationWorld(kind);
      before = await tenantSnapshot(w.t.db, w.b.tenantId);
    });
    afterAll(() => w.t.drop());

    it("covers exactly the routes testing/isolation-coverage.ts gives it", () => {
      const keys = new Set([...rows.map((r) => r.key), ...lists.map(([k]) => k)]);
      expect([...keys].sort()).toEqual(coveredBy(file));
    });

    it.each(lists)("%s holds none of B's rows", async (_, call) => {
      const text = await (await call(w, "")).text();
      for (const name of ["bonly", "only-b", "b.example", "BONLY"]) expect(text).not.toContain(name);
    });

    it.each(rows.map((r, i) => [`${r.key} #${i}`, r] as const))("%s: B's object answers as a missing one, B unchanged", async (_, row) => {
      const forB = await told(await row.call(w, row.b(w)), [row.b(w)]);
      expect(forB).toBe(await told(await row.call(w, row.missing), [row.missing]));
      if (row.tenantPath) {
        // WSO2's /t/{tenant}/ form naming B, as A: refused exactly as a tenant that does not exist.
        const asB = await told(await row.call(w, row.b(w), "b.example"), ["b.example", row.b(w)]);
        expect(asB).toMatch(/^401 /);
        expect(asB).toBe(await told(await row.call(w, row.b(w), "nowhere.example"), ["nowhere.example", row.b(w)]));
      }
      expect(await tenantSnapshot(w.t.db, w.b.tenantId)).toEqual(before);
    });

    more(() => w);
  });
}
