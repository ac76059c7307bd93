import type { Db } from "../lib/db/client.ts";
import { providerOf } from "../lib/db/provider.ts";

/**
 * Makes the database refuse the audit event `action` (a trigger, on SQLite and PostgreSQL
 * alike): a real failure at the end of a command's transaction, after any directory write in
 * it, to test what happens when Gatehouse's write fails after the directory's. Returns the undo.
 */
export async function failAuditOf(db: Db, action: string): Promise<() => Promise<void>> {
  const name = `fail_${action.replace(/\W/g, "_")}`;
  const literal = `'${action.replace(/'/g, "''")}'`;
  if (providerOf(db) === "postgres") {
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN IF NEW."action" = ${literal} THEN RAISE EXCEPTION 'forced failure after the directory write'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" WHEN NEW."action" = ${literal}
    BEGIN SELECT RAISE(ABORT, 'forced failure after the directory write'); END`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}
