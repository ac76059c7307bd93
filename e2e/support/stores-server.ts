import { test as base, type BrowserContext } from "@playwright/test";
import type { Db } from "../../lib/db/client.ts";
import { databaseKinds, type DbKind } from "../../testing/databases.ts";
import { startServerOn } from "../cli/support/server.ts";
import { signIn } from "./auth.ts";
import { e2eDb, seedUser } from "./db.ts";
import { stateFile } from "./signed-in.ts";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
type OwnServer = { url: string; db: Db; adminState: StorageState } | null;

/**
 * The external-stores flow on both Gatehouse databases (#13): in the `console` project (no
 * `dbKind`) it runs on the shared SQLite server with the shared admin; in `stores-postgres` each
 * worker starts a production server of its own on a fresh PostgreSQL database (the CLI's
 * fixture) and signs an admin of its own in there. `page` is the admin's either way and `db` is
 * the database that server runs on, for seeding and for checking what the flow wrote.
 */
export const storesTest = base.extend<{ db: Db }, { dbKind: DbKind | null; ownServer: OwnServer }>({
  dbKind: [null, { option: true, scope: "worker" }],
  ownServer: [
    async ({ dbKind, browser }, use) => {
      if (!dbKind) return use(null);
      if (!(await databaseKinds()).includes(dbKind)) {
        base.skip(true, "PostgreSQL is unreachable");
        return;
      }
      const server = await startServerOn(dbKind);
      try {
        const account = await seedUser(server.db, { admin: true });
        const context = await browser.newContext({ baseURL: server.url });
        await signIn(await context.newPage(), account.username, account.password);
        const adminState = await context.storageState();
        await context.close();
        await use({ url: server.url, db: server.db, adminState });
      } finally {
        await server.stop();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
  // Every context a test opens (browser.newContext() too) takes the own server's address.
  baseURL: async ({ ownServer, baseURL }, use) => use(ownServer?.url ?? baseURL),
  context: async ({ browser, ownServer }, use) => {
    const context = await browser.newContext({ storageState: ownServer?.adminState ?? stateFile("admin") });
    await use(context);
    await context.close();
  },
  db: async ({ ownServer }, use) => use(ownServer?.db ?? e2eDb()),
});
