import { EXIT } from "../../lib/cli/exit-codes.ts";
import { expect, test } from "./support/cli.ts";
import { seedAdmin, seedNobody, seedViewer, unique } from "./support/people.ts";

const PASSWORD = "Cli-test-password-1";

test("add, list, show and delete a role; its users are listed and paged", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const role = unique("cli_role_");
  expect(await cli.run(["add", "role", role])).toMatchObject({ code: 0, stdout: `Role ${role} added.\n` });
  expect(await cli.run(["add", "role", role])).toMatchObject({ code: EXIT.rejected, stderr: expect.stringContaining("already") });
  expect(await cli.run(["get", "roles", "-p", role])).toMatchObject({ code: 0, stdout: `ROLE\n${role}\n` });
  expect(await cli.run(["get", "roles", role])).toMatchObject({ code: 0, stdout: `Role ${role} has no users.\n` });

  const members = [1, 2, 3].map((n) => `${role}_u${n}`);
  for (const name of members) {
    await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` });
    expect(await cli.run(["update", "user", name, "-a", role])).toMatchObject({ code: 0 });
  }
  const json = await cli.run(["get", "roles", role, "--format", "json", "--page-size", "2"]);
  expect(JSON.parse(json.stdout)).toEqual({ role, count: 3, users: members, truncated: false });
  expect((await cli.run(["get", "roles", role])).stdout).toBe(`USERS IN ${role}\n${members.join("\n")}\n`);
  const cut = await cli.run(["get", "roles", role, "--limit", "2"]);
  expect(cut.stdout).toBe(`USERS IN ${role}\n${members[0]}\n${members[1]}\n`);
  expect(cut.stderr).toContain(`Showing the first 2 users of ${role}; there are more.`);

  expect(await cli.run(["delete", "role", role], { input: "no\n" })).toMatchObject({ code: EXIT.usage });
  expect(await cli.run(["delete", "role", role, "--yes", "--format", "json"])).toMatchObject({
    code: 0,
    stdout: expect.stringContaining('"status": "Deleted"'),
  });
  expect(await cli.run(["get", "roles", role])).toMatchObject({
    code: EXIT.notFound,
    stderr: expect.stringContaining(`Role ${role} does not exist.`),
  });
  expect(JSON.parse((await cli.run(["get", "users", members[0]!, "--format", "json"])).stdout).roles).toEqual(["Internal/everyone"]);
  expect(await cli.run(["delete", "role", "Internal/everyone", "--yes"])).toMatchObject({ code: EXIT.forbidden });
});

test("a role in another store is named by -d or as DOMAIN/name", async ({ cli, server }) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const json = await cli.run(["get", "roles", "creator", "-d", "Internal", "--format", "json"]);
  expect(json.code, json.stderr).toBe(0);
  expect(JSON.parse(json.stdout).role).toBe("Internal/creator");
  const listed = await cli.run(["get", "roles", "-d", "Internal", "--format", "json"]);
  const names = JSON.parse(listed.stdout).list.map((r: { role: string }) => r.role);
  expect(names).toContain("Internal/creator");
  expect(names).not.toContain("admin");
});

test("a viewer lists roles but cannot add or delete them", async ({ cli, server }) => {
  const viewer = await seedViewer(server.db);
  await cli.login(viewer.username, viewer.password);
  expect(await cli.run(["get", "roles", "-p", "creator"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Internal/creator") });
  expect(await cli.run(["add", "role", unique("cli_nope_")])).toMatchObject({ code: EXIT.forbidden });
  expect(await cli.run(["delete", "role", "Internal/creator", "--yes"])).toMatchObject({ code: EXIT.forbidden });
  expect(await cli.run(["get", "roles", "Internal/creator"])).toMatchObject({ code: 0 });
});

test("check answers allowed with exit 0, denied with exit 1 and unknown with exit 5, naming the granting roles", async ({
  cli,
  server,
}) => {
  const admin = await seedAdmin(server.db);
  await cli.login(admin.username, admin.password);
  const name = unique("cli_check_");
  await cli.run(["add", "user", name, "--no-admin", "-d", "PRIMARY", "--password-stdin"], { input: `${PASSWORD}\n` });
  await cli.run(["update", "user", name, "-a", "Internal/publisher"]);

  const allowed = await cli.run(["check", name, "/permission/admin/login"]);
  expect(allowed).toMatchObject({
    code: EXIT.ok,
    stdout: `ALLOWED  ${name} may /permission/admin/login, granted by: Internal/publisher\n`,
  });
  const denied = await cli.run(["check", name, "/permission/admin/manage/identity/usermgt/delete", "--format", "json"]);
  expect(denied.code).toBe(EXIT.denied);
  expect(JSON.parse(denied.stdout)).toMatchObject({ allowed: false, reason: { code: "not-granted" } });

  const scope = await cli.run(["check", name, "apim:api_publish", "--format", "json"]);
  expect(scope.code, scope.stdout).toBe(EXIT.ok);
  expect(JSON.parse(scope.stdout)).toMatchObject({ allowed: true, reason: { code: "granted", roles: ["Internal/publisher"] } });
  const unknownUser = await cli.run(["check", "nobody_by_this_name", "apim:api_publish"]);
  // A typo is not a denial: an unknown user, permission or scope exits 5 with one "Error:" line.
  expect(unknownUser).toMatchObject({ code: EXIT.notFound, stdout: "", stderr: expect.stringMatching(/^Error: .*nobody_by_this_name/) });
  const unknownPermission = await cli.run(["check", name, "/permission/admin/no_such_node", "--format", "json"]);
  expect(unknownPermission.code).toBe(EXIT.notFound);
  expect(JSON.parse(unknownPermission.stdout)).toMatchObject({ allowed: false, reason: { code: "unknown-permission" } });

  // Asking needs the user-view permission, like reading the user's roles does.
  const nobody = await seedNobody(server.db);
  await cli.login(nobody.username, nobody.password);
  expect(await cli.run(["check", name, "/permission/admin/login"])).toMatchObject({ code: EXIT.forbidden });
});
