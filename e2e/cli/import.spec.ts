import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test } from "./support/cli.ts";
import { seedAdmin, seedViewer, unique } from "./support/people.ts";

// `gatehouse import users FILE [--dry-run]` (issue #16): the preview, then the import, over /api/v1/users/import.

const PASSWORD = "Cli-import-password-1";

function file(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-import-"));
  const target = path.join(dir, name);
  fs.writeFileSync(target, text);
  return target;
}

test("a dry run prints the preview and the invalid rows and writes nothing; the import then creates the users", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const tag = unique("cli_imp_");
  const csv = file(
    "users.csv",
    ["UserName,Password,Claims", `${tag}_a,${PASSWORD},http://wso2.org/claims/country=Peru`, `${tag}_b,short`, `${tag}_c,${PASSWORD}`].join(
      "\n",
    ),
  );
  const dry = await cli.run(["import", "users", csv, "--dry-run"]);
  expect(dry.code, dry.stderr).toBe(EXIT.rejected);
  expect(dry.stdout).toMatch(
    /^Import #\d+ of users\.csv: 3 rows; 2 to create, 0 to update, 0 to skip, 1 invalid\.\nDry run: nothing was written\./,
  );
  expect(dry.stderr).toContain("line 3, Password: Use at least 12 characters.");
  expect(await server.db.user.count({ where: { usernameKey: { startsWith: tag } } })).toBe(0);

  const run = await cli.run(["import", "users", csv, "--format", "json"]);
  expect(run.code, run.stderr).toBe(EXIT.rejected);
  expect(JSON.parse(run.stdout)).toMatchObject({ state: "done", created: 2, invalid: 1, failed: 0 });
  expect(await server.db.user.count({ where: { usernameKey: { startsWith: tag } } })).toBe(2);

  const jsonl = file("more.jsonl", `${JSON.stringify({ userName: `${tag}_d`, password: PASSWORD })}\n`);
  expect(await cli.run(["import", "users", jsonl])).toMatchObject({
    code: EXIT.ok,
    stdout: expect.stringContaining("finished: 1 created"),
  });
});

test("someone who may not add users is refused; a missing file is not found", async ({ cli, server }) => {
  const viewer = await seedViewer(server.db);
  await cli.login(viewer.username, viewer.password);
  const csv = file("users.csv", `UserName,Password\n${unique("cli_no_")},${PASSWORD}\n`);
  expect(await cli.run(["import", "users", csv])).toMatchObject({ code: EXIT.forbidden });
  expect(await cli.run(["import", "users", "/no/such/file.csv"])).toMatchObject({
    code: EXIT.notFound,
    stderr: expect.stringContaining("No file"),
  });
});
