import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test } from "./support/cli.ts";
import { seedAdmin, seedViewer, unique } from "./support/people.ts";

const SECRET = "cli-bind-secret";

function settingsFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-store-")), "corp.json");
  fs.writeFileSync(
    file,
    JSON.stringify({ urls: ["ldap://127.0.0.1:1"], bindDn: "cn=admin,dc=example,dc=com", userSearchBase: "ou=people,dc=example,dc=com" }),
  );
  return file;
}

test("add a store with its secret from stdin, list and show it without the secret, and test it", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const domain = unique("cli-").toUpperCase();
  const file = settingsFile();
  expect(await cli.run(["add", "store", domain, "-t", "ldap", "-s", file, "--secret-stdin"], { input: `${SECRET}\n` })).toMatchObject({
    code: 0,
    stdout: expect.stringContaining(`User store ${domain} added.`),
  });
  expect(await cli.run(["add", "store", domain, "-t", "ldap", "-s", file, "--secret-stdin"], { input: `${SECRET}\n` })).toMatchObject({
    code: EXIT.rejected,
  });
  const listed = await cli.run(["get", "stores"]);
  // The store's first scheduled sync may already have run (and failed: its directory is unreachable).
  expect(listed.stdout).toMatch(new RegExp(`${domain}\\s+ldap\\s+yes\\s+yes\\s+(never|failed: )`));
  const shown = await cli.run(["get", "stores", domain, "--format", "json"]);
  expect(shown.stdout).not.toContain(SECRET);
  expect(JSON.parse(shown.stdout).settings.bindPassword).toEqual({ set: true });
  expect((await cli.run(["get", "stores", domain])).stdout).toMatch(/bindPassword\s+\(set\)/);

  const tested = await cli.run(["test", "store", domain]);
  expect(tested.code).toBe(EXIT.failure);
  expect(tested.stdout).toContain("FAILED");
  expect(tested.stderr).toContain(`The connection test of ${domain} failed.`);
  expect(await cli.run(["get", "stores", "nope"])).toMatchObject({ code: EXIT.notFound });
});

test("a user without the User Store Management nodes cannot list or add stores", async ({ cli, server }) => {
  const viewer = await seedViewer(server.db);
  await cli.login(viewer.username, viewer.password);
  expect(await cli.run(["get", "stores"])).toMatchObject({ code: EXIT.forbidden });
  const added = await cli.run(["add", "store", unique("cli-"), "-t", "ldap", "-s", settingsFile(), "--secret-stdin"], {
    input: `${SECRET}\n`,
  });
  expect(added.code).toBe(EXIT.forbidden);
});
