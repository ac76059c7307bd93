import { AppError } from "../../../errors.ts";
import type { ConnectionStep, DirectoryUser } from "../directory.ts";
import type { JdbcSettings } from "../settings.ts";
import type { Wso2Pool } from "./pool.ts";

const REQUIRED_TABLES = ["um_user", "um_role", "um_user_role", "um_user_attribute"];
const COUNT_CAP = 100_000;

/** "Test connection" for a WSO2 JDBC store: connect, find the UM tables, count the tenant's users (capped), read a page. */
export async function testWso2Connection(
  pool: Wso2Pool,
  settings: JdbcSettings,
  firstPage: () => Promise<DirectoryUser[]>,
): Promise<ConnectionStep[]> {
  const steps: ConnectionStep[] = [];
  const run = async (step: string, body: () => Promise<string>): Promise<boolean> => {
    const started = performance.now();
    try {
      steps.push({ step, ok: true, detail: await body(), ms: Math.round(performance.now() - started) });
      return true;
    } catch (error) {
      const detail = error instanceof AppError ? error.message : "Unexpected failure.";
      steps.push({ step, ok: false, detail, ms: Math.round(performance.now() - started) });
      return false;
    }
  };
  const checks: [string, () => Promise<string>][] = [
    [
      "connect",
      async () => {
        const { rows } = await pool.query<{ version: string }>("SELECT current_setting('server_version') AS version");
        return `PostgreSQL ${rows[0]?.version ?? "?"}`;
      },
    ],
    [
      "tables",
      async () => {
        const { rows } = await pool.query<{ name: string; present: boolean }>(
          "SELECT name, to_regclass(name) IS NOT NULL AS present FROM unnest($1::text[]) AS name",
          [REQUIRED_TABLES],
        );
        const missing = rows.filter((row) => !row.present).map((row) => row.name.toUpperCase());
        if (missing.length > 0) throw new AppError("STORE_UNAVAILABLE", `Missing WSO2 tables: ${missing.join(", ")}.`);
        return "UM_USER, UM_ROLE, UM_USER_ROLE and UM_USER_ATTRIBUTE found.";
      },
    ],
    [
      "count users",
      async () => {
        const { rows } = await pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM (SELECT 1 FROM UM_USER WHERE UM_TENANT_ID = $1 LIMIT $2) AS capped",
          [settings.wso2TenantId, COUNT_CAP + 1],
        );
        const n = rows[0]?.n ?? 0;
        const tenant = settings.wso2TenantId;
        return n > COUNT_CAP ? `More than ${COUNT_CAP.toLocaleString("en")} users in tenant ${tenant}.` : `${n} users in tenant ${tenant}.`;
      },
    ],
    [
      "read a page",
      async () => {
        const page = await firstPage();
        return page.length === 0 ? "No users to read." : `Read ${page.length} users, starting with ${page[0]!.username}.`;
      },
    ],
  ];
  for (const [step, body] of checks) if (!(await run(step, body))) break;
  return steps;
}
