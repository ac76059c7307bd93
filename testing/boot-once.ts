// Runs the server's start-up routine once and prints its report: used to start several
// instances at the same moment in lib/db/migrate.test.ts.
import { boot } from "../lib/boot.ts";
import { db } from "../lib/db/client.ts";

const report = await boot();
await db().$disconnect();
process.stdout.write(JSON.stringify(report));
