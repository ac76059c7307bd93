import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test } from "./support/cli.ts";
import { seedAdmin, seedNobody, unique } from "./support/people.ts";
import { seedUser } from "../../testing/seed.ts";

test("export users streams the filtered users as CSV to stdout and as JSON lines to a file", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const prefix = unique("cli_exp_");
  const names = [`${prefix}_a`, `${prefix}_b`, `=${prefix}`];
  for (const username of names) await seedUser(server.db, { username });

  const csv = await cli.run(["export", "users", "--search", prefix]);
  expect(csv.code, csv.stderr).toBe(0);
  const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.UserName).sort()).toEqual([`'=${prefix}`, `${prefix}_a`, `${prefix}_b`].sort());
  expect(rows.every((r) => r.Password === "" && r.Roles!.startsWith("Internal/everyone:role_"))).toBe(true);

  const file = path.join(cli.configDir, "users.jsonl");
  const json = await cli.run(["export", "users", "--format", "json", "--search", `${prefix}_*`, "-o", file]);
  expect(json.code, json.stderr).toBe(0);
  expect(json.stdout).toBe("");
  const lines = fs
    .readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { userName: string });
  expect(lines.map((l) => l.userName)).toEqual([`${prefix}_a`, `${prefix}_b`]);
});

test("export users is refused without users.list (exit 4) and for an unknown format (exit 2), leaving no file", async ({ cli, server }) => {
  const nobody = await seedNobody(server.db);
  await cli.login(nobody.username, nobody.password);
  const file = path.join(cli.configDir, "refused.csv");
  const refused = await cli.run(["export", "users", "-o", file]);
  expect(refused.code).toBe(EXIT.forbidden);
  expect(fs.existsSync(file)).toBe(false);
  expect((await cli.run(["export", "users", "--format", "xml"])).code).toBe(EXIT.usage);
});
